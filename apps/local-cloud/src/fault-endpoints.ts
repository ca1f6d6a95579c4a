import { InvalidFaultConfig, parseFaultConfig, type FaultInjector } from '@harbor/local-cloud-messaging';
import { jsonResponse, type IncomingRequest, type OutgoingResponse } from './http/incoming-request';

export const FAULTS_PATH = '/_local/faults';

/** RFC 9457 problem for a configuration the injector refuses; the detail names every wrong field. */
function invalidConfig(detail: string, problems: readonly string[] = []): OutgoingResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({
      type: 'about:blank',
      title: 'Invalid fault configuration',
      status: 400,
      detail,
      code: 'FAULTS.INVALID_CONFIG',
      problems,
    }),
  };
}

/**
 * /_local/faults: PUT replaces the whole fault configuration, GET answers it with what was injected so far per
 * target, DELETE clears it. Answers undefined for any other path.
 */
export function faultEndpoints(faults: FaultInjector) {
  return function handleFaults(request: IncomingRequest): OutgoingResponse | undefined {
    if (request.path !== FAULTS_PATH) return undefined;
    switch (request.method) {
      case 'GET':
        return jsonResponse(200, faults.snapshot());
      case 'DELETE':
        faults.clear();
        return jsonResponse(200, faults.snapshot());
      case 'PUT':
        return replace(faults, request.body.toString('utf8'));
      default:
        return {
          status: 405,
          headers: { allow: 'GET, PUT, DELETE', 'content-type': 'application/json' },
          body: JSON.stringify({ message: `${request.method} ${FAULTS_PATH} is not supported (GET, PUT, DELETE)` }),
        };
    }
  };
}

function replace(faults: FaultInjector, body: string): OutgoingResponse {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    return invalidConfig(`The body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    faults.configure(parseFaultConfig(input));
  } catch (error) {
    if (error instanceof InvalidFaultConfig)
      return invalidConfig(error.message, (error.details['problems'] as string[] | undefined) ?? []);
    throw error;
  }
  return jsonResponse(200, faults.snapshot());
}
