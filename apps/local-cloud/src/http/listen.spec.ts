import { connect } from 'node:net';
import { closeServer, listen, portOf } from './listen';

/** What a raw client gets back for `bytes`: the status line, or '' when the server closed without one. */
const statusLineFor = (port: number, bytes: string): Promise<string> =>
  new Promise((resolve, reject) => {
    let received = '';
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    socket
      .setEncoding('utf8')
      .on('data', (chunk: string) => (received += chunk))
      .on('error', reject)
      .on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    setTimeout(() => socket.destroy(), 3_000);
  });

describe('listen', () => {
  it('answers a body whose chunked framing is broken 400, without calling the handler', async () => {
    let handled = 0;
    const server = await listen('127.0.0.1', 0, async () => {
      handled++;
      return { status: 200, body: 'ok' };
    });
    try {
      const line = await statusLineFor(
        portOf(server),
        `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      );
      expect({ line, handled }).toEqual({ line: expect.stringMatching(/^HTTP\/1\.1 400 /), handled: 0 });
    } finally {
      await closeServer(server);
    }
  });

  it('takes a client that leaves mid-body as its own doing: no failure is reported, the handler is not called', async () => {
    let handled = 0;
    const reported: string[] = [];
    const write = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((text: string | Uint8Array) => reported.push(String(text)) > 0);
    const server = await listen('127.0.0.1', 0, async () => {
      handled++;
      return { status: 200, body: 'ok' };
    });
    try {
      await new Promise<void>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: portOf(server) }, () => {
          socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"half":');
          setTimeout(() => socket.resetAndDestroy(), 50);
        });
        socket.on('error', () => undefined).on('close', () => setTimeout(resolve, 100));
      });
      expect({ handled, reported: reported.filter((line) => line.includes('[local-cloud]')) }).toEqual({
        handled: 0,
        reported: [],
      });
    } finally {
      write.mockRestore();
      await closeServer(server);
    }
  });
});
