import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What serve() needs of an emulated AWS service: the local cloud's AwsServiceEndpoint, restated by shape, because
 * the delivery library that defines it has its own tests served by this one.
 */
interface ServedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}
interface ServedService {
  canHandle(request: ServedRequest): boolean;
  handle(
    request: ServedRequest,
  ): Promise<{ readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }>;
}

/** A bare node:http server in front of one emulated service, as the local cloud's shared endpoint mounts it. */
export interface RunningServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function serve(service: ServedService): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      // `url` keeps the query string, which REST-JSON services (Scheduler's groupName) read.
      const request = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: (req.url ?? '/').split('?')[0] ?? '/',
        headers,
        body: Buffer.concat(chunks),
      };
      if (!service.canHandle(request)) {
        res.writeHead(404).end('not for this service');
        return;
      }
      service.handle(request).then(
        (response) => res.writeHead(response.status, response.headers).end(response.body),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
