import type { Duplex } from 'node:stream';

/** API Gateway's WebSocket frame size quota (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). */
export const MAX_FRAME_BYTES = 32 * 1024;

/**
 * Watches the client's frames on the raw socket (ahead of `ws`, which only limits whole messages) and calls
 * `tooBig` once when a frame header announces a payload over `maxFrameBytes`. The server offers no
 * permessage-deflate, so a frame's length on the wire is its payload's.
 */
/** Bytes of a frame header whose first two bytes are known: extended length (126: 2, 127: 8) and mask key. */
const headerLength = (second: number): number => {
  const length = second & 0x7f;
  return 2 + (length === 126 ? 2 : length === 127 ? 8 : 0) + ((second & 0x80) === 0x80 ? 4 : 0);
};

const payloadLength = (header: Buffer): number => {
  const length = header[1] & 0x7f;
  if (length === 126) return header.readUInt16BE(2);
  if (length === 127) return Number(header.readBigUInt64BE(2));
  return length;
};

export const guardFrameSize = (
  socket: Duplex,
  tooBig: (payloadBytes: number) => void,
  maxFrameBytes = MAX_FRAME_BYTES,
): void => {
  let header = Buffer.alloc(0);
  let skip = 0;
  const onData = (chunk: Buffer): void => {
    let offset = 0;
    while (offset < chunk.length) {
      if (skip > 0) {
        const taken = Math.min(skip, chunk.length - offset);
        skip -= taken;
        offset += taken;
        continue;
      }
      const wanted = (header.length < 2 ? 2 : headerLength(header[1])) - header.length;
      const taken = Math.min(wanted, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + taken)]);
      offset += taken;
      if (header.length < 2 || header.length < headerLength(header[1])) continue;
      const payload = payloadLength(header);
      header = Buffer.alloc(0);
      if (payload > maxFrameBytes) {
        socket.off('data', onData);
        return tooBig(payload);
      }
      skip = payload;
    }
  };
  socket.prependListener('data', onData);
};
