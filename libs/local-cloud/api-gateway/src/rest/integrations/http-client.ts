import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface BackendRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
  readonly timeoutMs: number;
}

export interface BackendReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type BackendOutcome =
  | { readonly kind: 'reply'; readonly reply: BackendReply }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly error: Error };

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/** One call to an `http` / `http_proxy` backend, bounded by the integration timeout (first byte to last). */
export const callBackend = ({ method, url, headers, body, timeoutMs }: BackendRequest): Promise<BackendOutcome> =>
  new Promise((resolve) => {
    const secure = url.protocol === 'https:';
    let settled = false;
    const settle = (outcome: BackendOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const outgoing = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method,
        headers: { ...headers, 'content-length': String(body.length) },
        agent: secure ? httpsAgent : httpAgent,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          settle({
            kind: 'reply',
            reply: { status: incoming.statusCode ?? 502, headers: incoming.headers, body: Buffer.concat(chunks) },
          }),
        );
        incoming.on('error', (error) => settle({ kind: 'unreachable', error }));
      },
    );
    const timer = setTimeout(() => {
      settle({ kind: 'timeout' });
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', (error) => settle({ kind: 'unreachable', error }));
    outgoing.end(body);
  });
