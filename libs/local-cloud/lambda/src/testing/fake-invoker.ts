import type { InvokeOutcome, InvokeRequest, Invoker } from '../invoker';

export type FakeHandler = (event: Record<string, unknown>) => unknown | Promise<unknown>;

/** Thrown by a fake handler to report a function error the way the Lambda runtime does. */
export class FunctionError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/** An in-memory Invoker: functions are JS callbacks, every call is recorded. */
export class FakeInvoker implements Invoker {
  readonly calls: InvokeRequest[] = [];
  private readonly handlers = new Map<string, FakeHandler>();

  on(functionId: string, handler: FakeHandler): this {
    this.handlers.set(functionId, handler);
    return this;
  }

  has(functionId: string): boolean {
    return this.handlers.has(functionId);
  }

  callsTo(functionId: string): InvokeRequest[] {
    return this.calls.filter((call) => call.functionId === functionId);
  }

  lastEvent(functionId: string): Record<string, unknown> {
    const calls = this.callsTo(functionId);
    if (calls.length === 0) throw new Error(`${functionId} was not invoked`);
    return calls[calls.length - 1].event as Record<string, unknown>;
  }

  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    this.calls.push(request);
    const handler = this.handlers.get(request.functionId);
    if (!handler) throw new Error(`unknown function ${request.functionId}`);
    const started = Date.now();
    const base = { durationMs: 0, coldStart: false, requestId: `lambda-${this.calls.length}` };
    try {
      const result = await handler(request.event as Record<string, unknown>);
      return { ok: true, result, ...base, durationMs: Date.now() - started };
    } catch (error) {
      const errorType = error instanceof FunctionError ? error.errorType : (error as Error).name;
      return {
        ok: false,
        error: { errorType, errorMessage: (error as Error).message },
        ...base,
        durationMs: Date.now() - started,
      };
    }
  }
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
