import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsServiceEndpoint } from '@harbor/local-cloud-delivery';

/** A bare node:http server in front of one emulated service, as the local cloud's shared endpoint mounts it. */
export interface RunningServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function serve(service: AwsServiceEndpoint): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const request = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', headers, body: Buffer.concat(chunks) };
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
