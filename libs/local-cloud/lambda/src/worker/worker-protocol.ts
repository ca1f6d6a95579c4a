/**
 * Messages between the runtime (main thread) and one function's worker (its execution environment).
 * Events and results cross as JSON text: Lambda serialises both, so a handler sees exactly what it would in AWS
 * (no Dates, no undefined), and a string is the cheapest thing to post between threads.
 */
import type { InvokeError } from '../invoker';

/** What the worker needs to load the handler and build each invocation's `context`. */
export interface WorkerBootData {
  readonly bundleCode: string;
  /**
   * CommonJS: where the bundle would live (it is compiled from `bundleCode`), resolving node_modules and source-map
   * paths like the handler file itself. ES module: the file the bundle was written to, which the worker imports.
   */
  readonly bundleFile: string;
  readonly format: 'cjs' | 'esm';
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
  /** Collect the output this invocation writes and send it back with its settlement (Invoke's log tail). */
  readonly tail?: boolean;
}

/** How one invocation ended: the handler's result as JSON, or its error; with its output when it asked for a tail. */
export type Settlement = (
  { readonly id: number; readonly resultJson: string } | { readonly id: number; readonly error: InvokeError }
) & { readonly logTail?: string };

/**
 * Both directions carry batches: the invocations (or settlements) of one event-loop turn cross in one message, so
 * under load the threads wake each other once per turn instead of once per invocation.
 */
export type InvokeBatch = readonly InvokeMessage[];

export type WorkerMessage =
  | { readonly type: 'ready'; readonly initDurationMs: number }
  | { readonly type: 'init-failed'; readonly error: InvokeError; readonly initDurationMs: number }
  | { readonly type: 'settled'; readonly settlements: readonly Settlement[] }
  /** An uncaught exception or unhandled rejection: Lambda ends the environment, so does the runtime. */
  | { readonly type: 'fatal'; readonly error: InvokeError };
