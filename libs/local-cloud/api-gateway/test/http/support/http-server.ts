import { createServer, get, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  readonly base: string;
  close(): Promise<void>;
}

/** A real node:http server on a free port of 127.0.0.1. */
export const listen = async (listener: RequestListener): Promise<RunningServer> => {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

/**
 * A GET through node:http, which sends a header given as a list once per value (fetch would join them first):
 * what a client repeating a header puts on the wire.
 */
export const getWithRepeatedHeaders = (
  url: string,
  headers: Record<string, string | string[]>,
): Promise<{ status: number; requestId: string }> =>
  new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, requestId: String(response.headers['apigw-requestid']) }),
      );
    }).on('error', reject);
  });
