import { randomUUID } from 'node:crypto';
import type { AwsHttpRequest, AwsHttpResponse, AwsServiceEndpoint } from '../delivery';
import { publishingContext } from '../delivery/publishing-context';
import { BusTopology } from './bus-topology';
import { describeEventBus, describeRule, listEventBuses, listRules } from './bus-queries.action';
import { EventBridgeProtocolError } from './errors';
import type { EventBridgeContext, JsonBody } from './eventbridge-context';
import type { LocalEventBridgeOptions } from './eventbridge-specs';
import { putEvents } from './put-events.action';
import { testEventPattern } from './test-event-pattern.action';

const TARGET_PREFIX = 'AWSEvents.';

type Operation = (body: JsonBody, context: EventBridgeContext) => unknown;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  PutEvents: putEvents,
  ListRules: listRules,
  DescribeEventBus: describeEventBus,
  DescribeRule: describeRule,
  ListEventBuses: listEventBuses,
  TestEventPattern: testEventPattern,
};

/**
 * The local EventBridge endpoint: AWS's JSON 1.1 protocol (`x-amz-target: AWSEvents.<Operation>`), so the
 * production EventBridge client works against it unchanged. Buses and rules are fixed at construction.
 */
export class LocalEventBridge implements AwsServiceEndpoint {
  private readonly context: EventBridgeContext;

  constructor(options: LocalEventBridgeOptions) {
    this.context = publishingContext(new BusTopology(options), options);
  }

  canHandle(request: AwsHttpRequest): boolean {
    return request.method === 'POST' && (request.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX);
  }

  async handle(request: AwsHttpRequest): Promise<AwsHttpResponse> {
    const requestId = randomUUID();
    const operationName = (request.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length);
    try {
      const operation = OPERATIONS[operationName];
      if (!operation) {
        throw new EventBridgeProtocolError(
          'UnknownOperationException',
          `The operation ${operationName} is not emulated by the local cloud: buses and rules are declared in each service's events.yaml.`,
        );
      }
      return jsonResponse(200, operation(parseBody(request.body), this.context), requestId);
    } catch (error) {
      if (error instanceof EventBridgeProtocolError) {
        return jsonResponse(error.status, { __type: error.type, message: error.message }, requestId);
      }
      // Never leak internals to the client; the status says it is the emulator's fault, not the caller's.
      return jsonResponse(500, { __type: 'InternalException', message: 'Internal error' }, requestId);
    }
  }
}

function parseBody(body: Buffer): JsonBody {
  const text = body.toString();
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new EventBridgeProtocolError('SerializationException', 'The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EventBridgeProtocolError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as JsonBody;
}

function jsonResponse(status: number, value: unknown, requestId: string): AwsHttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify(value),
  };
}
