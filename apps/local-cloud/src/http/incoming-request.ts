import type { IncomingMessage, ServerResponse } from 'node:http';

/** A fully read HTTP request, the shape every local-cloud part takes. */
export interface IncomingRequest {
  readonly method: string;
  /** Path and query as sent (`/orders?limit=2`). */
  readonly url: string;
  readonly path: string;
  /** Header names lower-cased; repeated headers joined with `, ` as Node does. */
  readonly headers: Record<string, string>;
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly remoteAddress: string;
}

export interface OutgoingResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Buffer;
}

/** API Gateway's payload limit: 10 MB. Larger requests are refused before they are buffered. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export class PayloadTooLarge extends Error {
  override readonly name = 'PayloadTooLarge';
}

/** A body that could not be read: its chunked framing is broken, or the client went away before sending it all. */
export class UnreadableBody extends Error {
  override readonly name = 'UnreadableBody';
}

async function readBody(message: IncomingMessage, limit: number): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of message) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new PayloadTooLarge(`HTTP content length exceeded ${limit} bytes.`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof PayloadTooLarge) throw error;
    throw new UnreadableBody(
      `The request body could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return chunks;
}

export async function readIncomingRequest(
  message: IncomingMessage,
  limit = MAX_PAYLOAD_BYTES,
): Promise<IncomingRequest> {
  const chunks = await readBody(message, limit);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const url = message.url ?? '/';
  const queryAt = url.indexOf('?');
  return {
    method: message.method ?? 'GET',
    url,
    path: queryAt === -1 ? url : url.slice(0, queryAt),
    headers,
    rawHeaders: message.rawHeaders,
    body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
    remoteAddress: message.socket.remoteAddress ?? '127.0.0.1',
  };
}

export function writeOutgoingResponse(res: ServerResponse, response: OutgoingResponse): void {
  const body = response.body ?? '';
  res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): OutgoingResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}
