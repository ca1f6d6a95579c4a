import type { IncomingHttpHeaders } from 'node:http';
import type { RequestState } from '../pipeline/request-state';
import type { GatewayResponse } from '../../core';
import { callBackend, type BackendReply } from './http-client';
import {
  configurationError,
  integrationTimeout,
  internalServerError,
  type Integration,
  type IntegrationResult,
} from './integration';
import type { IntegrationResponses } from './integration-responses';
import type { RequestMapping } from './request-mapping';
import type { RequestParameters } from './request-parameters';
import type { StageVariableTemplate } from './stage-variable-template';

export interface HttpIntegrationSpec {
  readonly proxy: boolean;
  /** Absolute URL, `{name}` parts filled from `integration.request.path.*`, stage variables allowed. */
  readonly uri: StageVariableTemplate;
  /** `ANY` forwards the request's method. */
  readonly httpMethod: string;
  readonly timeoutMs: number;
  readonly requestParameters: RequestParameters;
  /** Non-proxy only. */
  readonly requestMapping?: RequestMapping;
  readonly responses?: IntegrationResponses;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

const backendUrl = (
  spec: HttpIntegrationSpec,
  state: RequestState,
  path: Record<string, string>,
  querystring: Record<string, string>,
): URL => {
  const filled = spec.uri
    .render(state.init.stage.variables)
    .replace(/\{([A-Za-z0-9._-]+)\+?\}/g, (_match, name: string) =>
      (path[name] ?? '').split('/').map(encodeURIComponent).join('/'),
    );
  const url = new URL(filled);
  if (spec.proxy && state.init.query.raw)
    url.search = url.search ? `${url.search}&${state.init.query.raw}` : `?${state.init.query.raw}`;
  for (const [name, value] of Object.entries(querystring)) url.searchParams.append(name, value);
  return url;
};

const proxyHeaders = (state: RequestState, mapped: Record<string, string>): Record<string, string | string[]> => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(state.init.headers.toMulti()))
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers[name] = values;
  return { ...headers, ...mapped };
};

const proxyResponse = (reply: BackendReply, state: RequestState): GatewayResponse => {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(reply.headers as IncomingHttpHeaders)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    if (Array.isArray(value) && value.length > 1) multiValueHeaders[name] = value;
    else headers[name] = Array.isArray(value) ? value[0] : value;
  }
  headers['x-amzn-RequestId'] = state.init.requestId;
  headers['x-amz-apigw-id'] = state.init.extendedRequestId;
  return Object.keys(multiValueHeaders).length > 0
    ? { status: reply.status, headers, multiValueHeaders, body: reply.body }
    : { status: reply.status, headers, body: reply.body };
};

const lowerHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(',') : value]],
    ),
  );

/**
 * `http_proxy` forwards the request (method, headers, query string, body) and returns the backend's answer
 * as is; `http` sends the mapped request and maps the answer through integration responses. A backend slower
 * than the integration timeout answers 504 `Endpoint request timed out`.
 */
export const httpIntegration = (spec: HttpIntegrationSpec): Integration => ({
  type: spec.proxy ? 'http_proxy' : 'http',
  target: spec.uri.render(Object.fromEntries(spec.uri.names.map((name) => [name, `\${stageVariables.${name}}`]))),
  async invoke(state): Promise<IntegrationResult> {
    const parameters = spec.requestParameters(state);
    let body: Buffer = state.init.body;
    let headers: Record<string, string | string[]> = proxyHeaders(state, parameters.header);
    if (!spec.proxy) {
      const mapped = spec.requestMapping?.map(state);
      if (!mapped) return { error: { responseType: 'UNSUPPORTED_MEDIA_TYPE' } };
      body = typeof mapped.body === 'string' ? Buffer.from(mapped.body, 'utf8') : mapped.body;
      headers = { 'Content-Type': mapped.contentType, ...parameters.header };
    }
    let url: URL;
    try {
      url = backendUrl(spec, state, parameters.path, parameters.querystring);
    } catch {
      return { error: configurationError() };
    }
    const method = spec.httpMethod === 'ANY' ? state.init.method : spec.httpMethod;
    const outcome = await callBackend({ method, url, headers, body, timeoutMs: spec.timeoutMs });
    if (outcome.kind === 'timeout') return { error: integrationTimeout() };
    if (outcome.kind === 'unreachable') return { error: internalServerError(500) };
    if (spec.proxy) return { response: proxyResponse(outcome.reply, state) };
    const response = spec.responses?.render(
      {
        status: outcome.reply.status,
        body: outcome.reply.body.toString('utf8'),
        headers: lowerHeaders(outcome.reply.headers),
      },
      state,
    );
    return response ? { response } : { error: configurationError() };
  },
});
