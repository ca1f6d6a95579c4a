import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedMessage {
  readonly connectionId: string;
  readonly data: unknown;
}

/**
 * API Gateway's @connections API on a free port, over real HTTP, for handler tests: remembers each
 * PostToConnection, and answers 410 GoneException for connections the test closed.
 */
export async function startConnectionsEndpoint() {
  const posted: PostedMessage[] = [];
  const gone = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /\/@connections\/([^/?]+)$/.exec(request.url ?? '');
      const connectionId = match ? decodeURIComponent(match[1]) : '';
      if (request.method !== 'POST' || !match) {
        response
          .writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' })
          .end('{"message":"Forbidden"}');
      } else if (gone.has(connectionId)) {
        response
          .writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' })
          .end('{"message":"Gone"}');
      } else {
        posted.push({ connectionId, data: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        response.writeHead(200).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    /** What AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI is set to, stage included as in AWS. */
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    posted,
    close: (connectionId: string) => gone.add(connectionId),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // the SDK keeps its connections alive
        server.close(() => resolve());
      }),
  };
}
