/**
 * Messages between the runtime (main thread) and one function's worker (its execution environment).
 * Events and results cross as JSON text: Lambda serialises both, so a handler sees exactly what it would in AWS
 * (no Dates, no undefined), and a string is the cheapest thing to post between threads.
 */
import type { InvokeError } from '../invoker';

/** What the worker needs to load the handler and build each invocation's `context`. */
export interface WorkerBootData {
  readonly bundleCode: string;
  /** Where the bundle would live: resolves node_modules and source-map paths like the handler file itself. */
  readonly bundleFile: string;
  readonly handlerExport: string;
  readonly functionName: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export interface InvokeMessage {
  readonly id: number;
  readonly requestId: string;
  readonly eventJson: string;
  /** Epoch milliseconds at which the invocation times out (`getRemainingTimeInMillis`). */
  readonly deadlineMs: number;
  readonly traceId: string;
}

export type WorkerMessage =
  | { readonly type: 'ready'; readonly initDurationMs: number }
  | { readonly type: 'init-failed'; readonly error: InvokeError; readonly initDurationMs: number }
  | { readonly type: 'result'; readonly id: number; readonly resultJson: string }
  | { readonly type: 'failed'; readonly id: number; readonly error: InvokeError }
  /** An uncaught exception or unhandled rejection: Lambda ends the environment, so does the runtime. */
  | { readonly type: 'fatal'; readonly error: InvokeError };
