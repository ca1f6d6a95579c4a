/**
 * How every part of the local cloud calls a function: the gateway (proxy integrations, authorizers),
 * SNS and EventBridge deliveries, the stream poller. Function ids are `<service>.<functionKey>` where the key
 * is the function's key in apps/<service>/api/functions.yaml (for example `orders.placeOrder`).
 */
export interface InvokeRequest {
  readonly functionId: string;
  readonly event: unknown;
  /** Propagated into logs and traces. */
  readonly correlationId?: string;
  /** `RequestResponse` waits for the result; `Event` is the async invoke of SNS/EventBridge (AWS retries it). */
  readonly invocationType?: 'RequestResponse' | 'Event';
  /** `Tail`: answer the output the invocation wrote (`logTail`), as Invoke's `X-Amz-Log-Type: Tail` asks. */
  readonly logType?: 'Tail' | 'None';
}

/** A failed invocation as the Lambda service reports it in the response payload. */
export interface InvokeError {
  /** `Sandbox.Timedout`, `Runtime.UserCodeSyntaxError`, ... or the thrown error's name. */
  readonly errorType: string;
  readonly errorMessage: string;
  /** Stack lines of a thrown error; for logs only, never for a client. */
  readonly trace?: readonly string[];
}

export type InvokeOutcome =
  | {
      readonly ok: true;
      readonly result: unknown;
      readonly durationMs: number;
      readonly coldStart: boolean;
      readonly requestId: string;
      /** Time spent loading the handler module, on a cold start. */
      readonly initDurationMs?: number;
      /** What the invocation wrote (its last 8 K characters), when asked with `logType: 'Tail'`. */
      readonly logTail?: string;
    }
  | {
      readonly ok: false;
      /** As the Lambda service reports it: `Sandbox.Timedout`-style type or the thrown error's name. */
      readonly error: InvokeError;
      readonly durationMs: number;
      readonly coldStart: boolean;
      readonly requestId: string;
      readonly initDurationMs?: number;
      readonly logTail?: string;
    };

export interface Invoker {
  invoke(request: InvokeRequest): Promise<InvokeOutcome>;
  /** True when the id names a function the runtime knows. */
  has(functionId: string): boolean;
}
