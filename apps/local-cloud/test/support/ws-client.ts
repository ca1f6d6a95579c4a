import { WebSocket } from 'ws';

export interface WsClient {
  /** The next message not yet taken, parsed as JSON. */
  nextJson(): Promise<unknown>;
  send(message: unknown): void;
  /** Closes and resolves once the close handshake is done. */
  close(): Promise<void>;
}

/** A real `ws` client; rejects with `HTTP <status>` when the handshake is refused. */
export const connectWs = (url: string): Promise<WsClient> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const queued: string[] = [];
    const waiting: ((message: string) => void)[] = [];
    socket.on('message', (data: Buffer) => {
      const message = data.toString('utf8');
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else queued.push(message);
    });
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${response.statusCode}`));
      socket.terminate();
    });
    socket.on('error', reject);
    socket.on('open', () =>
      resolve({
        nextJson: async () => JSON.parse(queued.shift() ?? (await new Promise<string>((done) => waiting.push(done)))),
        send: (message) => socket.send(JSON.stringify(message)),
        close: async () => {
          socket.close(1000);
          await closed;
        },
      }),
    );
  });
