import type { InvokeError } from '../invoker';

/** Lambda's limit on what a function returns, counted on its serialised JSON (the figure its error message gives). */
export const RESPONSE_LIMIT_BYTES = 6_291_556;

/** Whether a result's JSON is over the limit; UTF-8 bytes are counted only when its length leaves a doubt. */
export function exceedsResponseLimit(json: string): boolean {
  if (json.length > RESPONSE_LIMIT_BYTES) return true;
  // One UTF-16 unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
  if (json.length * 3 <= RESPONSE_LIMIT_BYTES) return false;
  return Buffer.byteLength(json) > RESPONSE_LIMIT_BYTES;
}

/** What Lambda answers for the invocation: a function error, so API Gateway turns it into a 502. */
export const responseTooLarge = (): InvokeError => ({
  errorType: 'Function.ResponseSizeTooLarge',
  errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT_BYTES} bytes).`,
});

/** What the runtime logs when Lambda refuses the response it posts. */
export const responseTooLargeLogLine = (): string =>
  `Failed to post handler success response. Http response code: 413. ${JSON.stringify({ errorMessage: `Exceeded maximum allowed payload size (${RESPONSE_LIMIT_BYTES} bytes).`, errorType: 'RequestEntityTooLarge' })}`;
