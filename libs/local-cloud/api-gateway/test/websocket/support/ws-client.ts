import { WebSocket } from 'ws';

export interface TestClient {
  readonly socket: WebSocket;
  /** Resolves with the next message not yet taken (text as string, binary as Buffer). */
  next(): Promise<string | Buffer>;
  send(data: string | Buffer): void;
  /** Closes and resolves once the server saw the close. */
  close(code?: number, reason?: string): Promise<void>;
  /** Resolves with the close code when the server closes the socket. */
  closed: Promise<number>;
}

/** A real `ws` client; rejects with `HTTP <status>` when the server refuses the handshake. */
export const connectClient = (url: string, headers: Record<string, string> = {}): Promise<TestClient> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const queued: (string | Buffer)[] = [];
    const waiting: ((message: string | Buffer) => void)[] = [];
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const message = isBinary ? data : data.toString('utf8');
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else queued.push(message);
    });
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${response.statusCode}`));
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
    socket.on('open', () =>
      resolve({
        socket,
        next: () => {
          const message = queued.shift();
          return message !== undefined ? Promise.resolve(message) : new Promise((done) => waiting.push(done));
        },
        send: (data) => socket.send(data),
        close: async (code = 1000, reason = '') => {
          socket.close(code, reason);
          await closed;
        },
        closed,
      }),
    );
  });

/** Waits until `condition` holds (events reach functions asynchronously). */
export const eventually = async (condition: () => boolean, timeoutMs = 2000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
