import { InvalidConsoleRequest } from './errors';

export interface RelayRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Buffer;
}

export interface RelayResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface TryItRelayOptions {
  /** Origins the relay may call (`http://127.0.0.1:3000`): the local cloud's own APIs, nothing else. */
  readonly allowedOrigins: () => readonly string[];
  readonly timeoutMs?: number;
}

interface SendRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export const TRY_IT_PATH = '/_console/send';

// Headers the relay sets itself (or that describe the relay's own connection, not the call).
const DROPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

const problem = (status: number, title: string, detail: string): RelayResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title, status, detail }),
});

function parseSend(body: Buffer, allowed: readonly string[]): SendRequest {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidConsoleRequest('The body must be JSON: { method, url, headers, body? }');
  }
  const send = value as Partial<SendRequest> | null;
  if (!send || typeof send.method !== 'string' || !METHODS.has(send.method))
    throw new InvalidConsoleRequest(`method must be one of ${[...METHODS].join(', ')}`);
  if (typeof send.url !== 'string' || !URL.canParse(send.url))
    throw new InvalidConsoleRequest('url must be an absolute URL');
  const origin = new URL(send.url).origin;
  if (!allowed.includes(origin))
    throw new InvalidConsoleRequest(
      `The console only calls the local cloud's APIs (${allowed.join(', ')}), not ${origin}`,
    );
  if (
    send.headers !== undefined &&
    (typeof send.headers !== 'object' ||
      send.headers === null ||
      Object.values(send.headers).some((v) => typeof v !== 'string'))
  ) {
    throw new InvalidConsoleRequest('headers must be an object of strings');
  }
  if (send.body !== undefined && typeof send.body !== 'string')
    throw new InvalidConsoleRequest('body must be a string');
  return {
    method: send.method,
    url: send.url,
    headers: send.headers ?? {},
    ...(send.body === undefined ? {} : { body: send.body }),
  };
}

/**
 * The console's "try it" form calls a route through here: the browser cannot call the API ports itself (another
 * origin, and the APIs answer no CORS, as in AWS). It forwards one request to one of the local cloud's own API
 * origins and answers `{ status, headers, body, durationMs }`, so the call is traced like any client's.
 */
export function tryItRelay(options: TryItRelayOptions) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async function relay(request: RelayRequest): Promise<RelayResponse | undefined> {
    if (request.path !== TRY_IT_PATH) return undefined;
    if (request.method !== 'POST') return problem(405, 'Method not allowed', `${TRY_IT_PATH} takes POST`);
    let send: SendRequest;
    try {
      send = parseSend(request.body, options.allowedOrigins());
    } catch (error) {
      if (error instanceof InvalidConsoleRequest) return problem(400, 'Invalid request', error.message);
      throw error;
    }
    const headers = Object.fromEntries(
      Object.entries(send.headers).filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase())),
    );
    const startedAt = performance.now();
    try {
      const response = await fetch(send.url, {
        method: send.method,
        headers,
        ...(send.body !== undefined && send.method !== 'GET' && send.method !== 'HEAD' ? { body: send.body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      const body = await response.text();
      const durationMs = performance.now() - startedAt;
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body,
          durationMs,
        }),
      };
    } catch (error) {
      return problem(
        502,
        'The API did not answer',
        `${send.method} ${send.url}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}
