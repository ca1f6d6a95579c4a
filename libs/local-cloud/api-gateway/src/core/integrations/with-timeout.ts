/**
 * Races `work` against an integration timeout; `undefined` means the timeout won. Settled by hand rather than
 * with `Promise.race`, which builds an array and two more promises on every request.
 */
export const withTimeout = <T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> =>
  new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(resolve, timeoutMs, undefined);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
