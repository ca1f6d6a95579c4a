import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * Bytes on a TCP connection, as a hostile client sends them: no HTTP or WebSocket library in between, so a
 * request can be cut short, reset, left half-written or framed against the rules.
 */

export interface RawAnswer {
  /** The HTTP status of the first response line, undefined when none came (the server closed or said nothing). */
  readonly status: number | undefined;
  /** Everything the server sent, as latin1 (bytes kept one to one). */
  readonly bytes: Buffer;
  /** How the exchange ended. */
  readonly ended: 'closed' | 'reset' | 'timeout';
}

export interface RawExchangeOptions {
  /** Give up waiting for the server after this long (the connection is destroyed). */
  readonly waitMs?: number;
  /** Reset the connection (TCP RST) right after writing, instead of waiting for an answer. */
  readonly resetAfterWrite?: boolean;
  /** Stop waiting once the server's bytes satisfy this (a whole response, a close frame). */
  readonly until?: (received: Buffer) => boolean;
}

const hostAndPort = (url: string) => {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port) };
};

export const statusOf = (received: Buffer): number | undefined => {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(received.toString('latin1'));
  return match ? Number(match[1]) : undefined;
};

/** Connects to the listener of `url`, writes `chunks` in order and collects what comes back. */
export function rawExchange(
  url: string,
  chunks: readonly (string | Buffer)[],
  options: RawExchangeOptions = {},
): Promise<RawAnswer> {
  const { host, port } = hostAndPort(url);
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = connect({ host, port });
    let settled = false;
    const finish = (ended: RawAnswer['ended']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(received);
      resolve({ status: statusOf(bytes), bytes, ended });
    };
    const timer = setTimeout(() => finish('timeout'), options.waitMs ?? 5_000);
    socket.on('error', () => finish('reset'));
    socket.on('close', () => finish('closed'));
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (options.until?.(Buffer.concat(received))) finish('closed');
    });
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.resetAfterWrite) {
        socket.resetAndDestroy();
        finish('reset');
      }
    });
  });
}

/** A connection that sends a request's first header bytes and then nothing more, as slowloris does. */
export function holdHalfOpen(url: string, hostHeader: string): Promise<Socket> {
  const { host, port } = hostAndPort(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Slow: `);
      resolve(socket);
    });
    socket.on('error', (error) => (socket.connecting ? reject(error) : undefined));
  });
}

const WEBSOCKET_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** An RFC 6455 upgrade request for `url` (path and query kept), with the Host the listener answers. */
export function upgradeRequest(url: string, extraHeaders: Readonly<Record<string, string>> = {}): string {
  const parsed = new URL(url);
  const headers = {
    host: parsed.host,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': WEBSOCKET_KEY,
    ...extraHeaders,
  };
  return `GET ${parsed.pathname}${parsed.search} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}

export interface FrameOptions {
  readonly fin?: boolean;
  /** Clients must mask every frame (RFC 6455 §5.3); false sends one unmasked. */
  readonly masked?: boolean;
}

/** One WebSocket frame of `opcode` carrying `payload`, masked as a client must unless told otherwise. */
export function webSocketFrame(
  opcode: number,
  payload: Buffer,
  { fin = true, masked = true }: FrameOptions = {},
): Buffer {
  const length = payload.length;
  const lengthBytes =
    length < 126
      ? Buffer.from([length])
      : length < 65_536
        ? Buffer.from([126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([127]), bigLength(length)]);
  lengthBytes[0] |= masked ? 0x80 : 0;
  const head = Buffer.concat([Buffer.from([(fin ? 0x80 : 0) | opcode]), lengthBytes]);
  if (!masked) return Buffer.concat([head, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]));
  return Buffer.concat([head, mask, body]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/**
 * The close code of the first close frame the server sent after its 101 answer, undefined when none came.
 * Server frames are unmasked (RFC 6455 §5.1).
 */
export function closeCodeOf(received: Buffer): number | undefined {
  const headersEnd = received.indexOf('\r\n\r\n');
  if (headersEnd < 0 || statusOf(received) !== 101) return undefined;
  let offset = headersEnd + 4;
  while (offset + 2 <= received.length) {
    const opcode = received[offset] & 0x0f;
    let length = received[offset + 1] & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      length = received.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return start + 2 <= received.length ? received.readUInt16BE(start) : undefined;
    offset = start + length;
  }
  return undefined;
}
