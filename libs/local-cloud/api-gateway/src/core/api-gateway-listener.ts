import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { GatewayExchange } from './gateway-exchange';

const EMPTY_BODY = Buffer.alloc(0);

/** HTTP/1.1 framing: a request without Content-Length or Transfer-Encoding has no body (RFC 9112, 6.3). */
const hasNoBody = (request: IncomingMessage): boolean =>
  request.headers['transfer-encoding'] === undefined &&
  (request.headers['content-length'] === undefined || request.headers['content-length'] === '0');

/**
 * A node:http request listener serving an API of any type: reads the body, calls `handle`, writes the answer
 * (multi-valued headers included). `http.createServer(apiGatewayListener(api)).listen(3000)`.
 */
export const apiGatewayListener =
  (api: GatewayExchange) =>
  (request: IncomingMessage, response: ServerResponse): void => {
    // Most requests (GETs) have no body: answer them without waiting for the stream's end event; the rest of
    // the (empty) stream is drained by node once the response is sent.
    if (hasNoBody(request)) return serve(api, request, response, EMPTY_BODY);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => serve(api, request, response, Buffer.concat(chunks)));
  };

function serve(api: GatewayExchange, request: IncomingMessage, response: ServerResponse, body: Buffer): void {
  api
    .handle({
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      rawHeaders: request.rawHeaders,
      body,
      remoteAddress: request.socket.remoteAddress,
      httpVersion: request.httpVersion,
    })
    .then((answer) => {
      const headers: OutgoingHttpHeaders = { ...answer.headers };
      for (const [name, values] of Object.entries(answer.multiValueHeaders ?? {})) headers[name] = [...values];
      // API Gateway answers with a Content-Length, never chunked (it also lets node send head and body in one
      // write); HTTP forbids one on 204 and 304.
      if (answer.status !== 204 && answer.status !== 304) headers['content-length'] = Buffer.byteLength(answer.body);
      response.writeHead(answer.status, headers);
      response.end(answer.body);
    })
    .catch(() => {
      // handle() answers every failure itself; reaching this is a bug, still answered as API Gateway would.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end('{"message": "Internal server error"}');
    });
}
