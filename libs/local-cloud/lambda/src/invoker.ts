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
}

export type InvokeOutcome =
  | { readonly ok: true; readonly result: unknown; readonly durationMs: number; readonly coldStart: boolean; readonly requestId: string }
  | {
      readonly ok: false;
      /** As the Lambda service reports it: `Runtime.Timeout`-style type or the thrown error's name. */
      readonly error: { readonly errorType: string; readonly errorMessage: string };
      readonly durationMs: number;
      readonly coldStart: boolean;
      readonly requestId: string;
    };

export interface Invoker {
  invoke(request: InvokeRequest): Promise<InvokeOutcome>;
  /** True when the id names a function the runtime knows. */
  has(functionId: string): boolean;
}
