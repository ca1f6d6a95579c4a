import type { InvokeError } from '../invoker';

// Frames of the runtime itself (the worker script, Node's loader) say nothing about the handler.
const RUNTIME_FRAME = /\[worker eval\]|\(node:internal\/|^\s+at node:internal\//;

/** How the Node.js runtime reports what a handler threw: the error's name and message, or the value's type. */
export function toInvokeError(thrown: unknown): InvokeError {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name,
      errorMessage: thrown.message,
      trace: (thrown.stack ?? '').split('\n').filter((line) => line.length > 0 && !RUNTIME_FRAME.test(line)),
    };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown) };
}

/** `Error: message` as Lambda prints a reason inside a runtime error message. */
export function describeReason(reason: unknown): string {
  return reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
}
