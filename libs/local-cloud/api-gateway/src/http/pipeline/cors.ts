import type { GatewayResponse } from '../../core';
import type { CorsConfiguration } from '../definition/compile-cors';

/**
 * CORS as an HTTP API does it once configured (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html):
 * API Gateway answers preflight OPTIONS requests itself, whatever the routes, adds the configured headers to the
 * integration's response to a CORS request, and ignores CORS headers the integration returned.
 */
/** The request's headers as payload 2.0 reads them: lower-case names, one value each. */
type Headers = Readonly<Record<string, string>>;

/** The `Access-Control-Allow-Origin` value for this origin, or undefined when it is not allowed. */
function allowedOrigin(cors: CorsConfiguration, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.allowOrigins.includes('*')) return '*';
  return cors.allowOrigins.includes(origin) ? origin : undefined;
}

const credentials = (cors: CorsConfiguration): Record<string, string> =>
  cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {};

/** A browser's preflight: OPTIONS with `Origin` and `Access-Control-Request-Method`. */
export const isPreflight = (method: string, headers: Headers): boolean =>
  method === 'OPTIONS' && headers['origin'] !== undefined && headers['access-control-request-method'] !== undefined;

/** API Gateway's own answer to a preflight: 204, with the configured headers when the origin is allowed. */
export function preflightResponse(cors: CorsConfiguration, headers: Headers, requestId: string): GatewayResponse {
  const origin = allowedOrigin(cors, headers['origin']);
  const allow: Record<string, string> = origin
    ? {
        'access-control-allow-origin': origin,
        ...(cors.allowMethods.length ? { 'access-control-allow-methods': cors.allowMethods.join(',') } : {}),
        ...(cors.allowHeaders.length ? { 'access-control-allow-headers': cors.allowHeaders.join(',') } : {}),
        ...(cors.maxAge !== undefined ? { 'access-control-max-age': String(cors.maxAge) } : {}),
        ...credentials(cors),
      }
    : {};
  return { status: 204, headers: { 'apigw-requestid': requestId, ...allow }, body: '' };
}

/** The integration's response to a CORS request: its own Access-Control-* headers replaced by the configured ones. */
export function withCorsHeaders(cors: CorsConfiguration, headers: Headers, response: GatewayResponse): GatewayResponse {
  const own = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
  );
  const origin = allowedOrigin(cors, headers['origin']);
  const added: Record<string, string> = origin
    ? {
        'access-control-allow-origin': origin,
        ...(cors.exposeHeaders.length ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') } : {}),
        ...credentials(cors),
      }
    : {};
  return { ...response, headers: { ...own, ...added } };
}
