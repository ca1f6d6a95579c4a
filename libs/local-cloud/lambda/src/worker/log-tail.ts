/** What Invoke's `X-Amz-Log-Type: Tail` answers at most: the last 4 KB of the invocation's log. */
export const LOG_TAIL_BYTES = 4096;
// Characters kept while the invocation runs: at least the last 4 KB of UTF-8, however many bytes a character takes.
const KEPT_CHARACTERS = LOG_TAIL_BYTES * 2;

/**
 * The output each asking invocation writes, kept in the worker as it is written (stdout and stderr, Powertools'
 * JSON lines and `console.*` alike), attributed by the InvokeStore's request id so interleaved invocations keep
 * their own. Collected here, not from the lines the main thread receives: those arrive on their own channel and
 * may come after the result, which a tail sent with the result would then miss.
 */
export function installLogTail(currentRequestId: () => string | undefined): {
  start(requestId: string): void;
  take(requestId: string): string | undefined;
} {
  const tails = new Map<string, string>();
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
      if (tails.size > 0) {
        const requestId = currentRequestId();
        const tail = requestId === undefined ? undefined : tails.get(requestId);
        if (requestId !== undefined && tail !== undefined)
          tails.set(requestId, (tail + String(chunk)).slice(-KEPT_CHARACTERS));
      }
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  return {
    start: (requestId) => void tails.set(requestId, ''),
    take(requestId) {
      const tail = tails.get(requestId);
      tails.delete(requestId);
      return tail;
    },
  };
}
