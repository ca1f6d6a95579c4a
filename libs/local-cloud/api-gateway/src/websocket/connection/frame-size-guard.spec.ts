import { PassThrough } from 'node:stream';
import { guardFrameSize, MAX_FRAME_BYTES } from './frame-size-guard';

/** A masked client frame (RFC 6455 section 5.2) with `payloadBytes` of text. */
const frame = (payloadBytes: number, fin = true): Buffer => {
  const length =
    payloadBytes < 126
      ? [payloadBytes]
      : payloadBytes < 65536
        ? [126, payloadBytes >> 8, payloadBytes & 0xff]
        : [
            127,
            0,
            0,
            0,
            0,
            (payloadBytes >>> 24) & 0xff,
            (payloadBytes >> 16) & 0xff,
            (payloadBytes >> 8) & 0xff,
            payloadBytes & 0xff,
          ];
  return Buffer.concat([
    Buffer.from([(fin ? 0x80 : 0) | 0x01, 0x80 | length[0], ...length.slice(1), 1, 2, 3, 4]),
    Buffer.alloc(payloadBytes, 7),
  ]);
};

const watch = (chunks: Buffer[]): number[] => {
  const socket = new PassThrough();
  const tooBig: number[] = [];
  guardFrameSize(socket, (bytes) => tooBig.push(bytes));
  for (const chunk of chunks) socket.emit('data', chunk);
  return tooBig;
};

const byteByByte = (data: Buffer): Buffer[] => [...data].map((byte) => Buffer.from([byte]));

describe('guardFrameSize (API Gateway 32 KB frame quota, https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html)', () => {
  it('lets frames up to 32 KB through, whatever their length encoding, even split byte by byte', () => {
    const frames = Buffer.concat([frame(0), frame(125), frame(126, false), frame(MAX_FRAME_BYTES)]);
    expect(watch([frames])).toEqual([]);
    expect(watch(byteByByte(frames))).toEqual([]);
  });

  it.each([
    ['16-bit', MAX_FRAME_BYTES + 1],
    ['64-bit', 70_000],
  ])(
    'reports once a frame with a %s length over 32 KB, after allowed frames, even split byte by byte',
    (_case, bytes) => {
      const frames = Buffer.concat([frame(10), frame(MAX_FRAME_BYTES, false), frame(bytes), frame(bytes)]);
      expect(watch([frames])).toEqual([bytes]);
      expect(watch(byteByByte(frames))).toEqual([bytes]);
    },
  );
});
