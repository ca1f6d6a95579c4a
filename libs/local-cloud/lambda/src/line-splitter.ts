import type { Readable } from 'node:stream';

/** Calls `onLine` for every complete line the stream writes, and for a last unterminated one at its end. */
export function forEachLine(stream: Readable, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (rest.length > 0) onLine(rest);
    rest = '';
  });
}
