import { AsyncLocalStorage } from 'node:async_hooks';

/** The keys Lambda's Node.js runtime keeps each invocation's ids under (shared with the AWS SDK and Powertools). */
const REQUEST_ID = Symbol.for('_AWS_LAMBDA_REQUEST_ID');
const X_RAY_TRACE_ID = Symbol.for('_AWS_LAMBDA_X_RAY_TRACE_ID');
const PROTECTED = new Set<symbol>([REQUEST_ID, X_RAY_TRACE_ID]);

type InvokeContext = Record<string | symbol, unknown>;

/**
 * What Lambda's runtime publishes as `globalThis.awslambda.InvokeStore` when one environment runs invocations
 * concurrently: each invocation's request and X-Ray trace ids in its own async context. The AWS SDK reads the trace
 * id from here before `_X_AMZN_TRACE_ID` (a single, process-wide variable that the latest invocation overwrites),
 * so each call carries the `X-Amzn-Trace-Id` of the invocation that made it even when invocations interleave.
 */
export function installInvokeStore(): {
  run<T>(ids: { requestId: string; traceId: string }, fn: () => T): T;
  requestId(): string | undefined;
} {
  const contexts = new AsyncLocalStorage<InvokeContext>();
  const get = (key: string | symbol): unknown => contexts.getStore()?.[key];
  const text = (key: symbol): string | undefined => {
    const value = get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const store = {
    getContext: () => contexts.getStore(),
    hasContext: () => contexts.getStore() !== undefined,
    get,
    set(key: string | symbol, value: unknown): void {
      if (typeof key === 'symbol' && PROTECTED.has(key))
        throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
      const context = contexts.getStore();
      if (!context) throw new Error('No context available');
      context[key] = value;
    },
    run: <T>(context: InvokeContext, fn: () => T): T => contexts.run(context, fn),
    getRequestId: () => text(REQUEST_ID) ?? '-',
    getXRayTraceId: () => text(X_RAY_TRACE_ID),
    getTenantId: () => undefined,
    getTraceparent: () => undefined,
    getTracestate: () => undefined,
    getBaggage: () => undefined,
  };
  const global = globalThis as { awslambda?: Record<string, unknown> };
  global.awslambda = { ...global.awslambda, InvokeStore: store };
  return {
    run: (ids, fn) => contexts.run({ [REQUEST_ID]: ids.requestId, [X_RAY_TRACE_ID]: ids.traceId }, fn),
    requestId: () => text(REQUEST_ID),
  };
}
