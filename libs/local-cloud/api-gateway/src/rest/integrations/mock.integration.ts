import { isRecord } from '../../core';
import { configurationError, type Integration } from './integration';
import type { IntegrationResponses } from './integration-responses';
import type { RequestMapping } from './request-mapping';

/** The status a mock's request template (or passed-through body) asks for: `{"statusCode": 200}`. */
const requestedStatus = (body: string): number | undefined => {
  if (body.trim().length === 0) return 200;
  try {
    const parsed: unknown = JSON.parse(body);
    const status = isRecord(parsed) ? Number(parsed['statusCode']) : NaN;
    return Number.isInteger(status) ? status : undefined;
  } catch {
    return undefined;
  }
};

/**
 * `mock`: the request template's `statusCode` selects the integration response, whose template renders the
 * answer; nothing is called. CORS preflights are mocks like this in API Gateway files.
 */
export const mockIntegration = (requestMapping: RequestMapping, responses: IntegrationResponses): Integration => {
  return {
    type: 'mock',
    target: 'mock',
    async invoke(state) {
      const mapped = requestMapping.map(state);
      if (!mapped) return { error: { responseType: 'UNSUPPORTED_MEDIA_TYPE' } };
      const status = requestedStatus(typeof mapped.body === 'string' ? mapped.body : mapped.body.toString('utf8'));
      if (status === undefined) return { error: configurationError() };
      const response = responses.render({ status, body: '', headers: {} }, state);
      return response ? { response } : { error: configurationError() };
    },
  };
};
