import type { InvokeOutcome, InvokeRequest, Invoker } from '../invoker';

/** What a scripted function does on one call: succeed, fail like a handler, or fail like the Lambda service. */
export type Behaviour = 'ok' | { errorType: string; errorMessage?: string };

/**
 * A fake Invoker: each known function follows a script of behaviours, one per call, the last one repeating.
 * Records every request it receives.
 */
export class ScriptedInvoker implements Invoker {
  readonly calls: InvokeRequest[] = [];
  private readonly scripts = new Map<string, Behaviour[]>();
  private gate: Promise<void> = Promise.resolve();

  /** Makes every invocation wait until the returned function is called: proves callers do not wait for runs. */
  hold(): () => void {
    let release = () => undefined as void;
    this.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return release;
  }

  script(functionId: string, ...behaviours: Behaviour[]): this {
    this.scripts.set(functionId, behaviours.length > 0 ? behaviours : ['ok']);
    return this;
  }

  has(functionId: string): boolean {
    return this.scripts.has(functionId);
  }

  callsTo(functionId: string): InvokeRequest[] {
    return this.calls.filter((call) => call.functionId === functionId);
  }

  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    this.calls.push(request);
    await this.gate;
    const script = this.scripts.get(request.functionId);
    if (!script) throw new Error(`ScriptedInvoker: no script for ${request.functionId}`);
    // The last behaviour repeats; script() never stores an empty script.
    const behaviour = (script.length > 1 ? script.shift() : script[0]) ?? 'ok';
    const common = { durationMs: 1, coldStart: false, requestId: `req-${this.calls.length}` };
    if (behaviour === 'ok') return { ok: true, result: null, ...common };
    return {
      ok: false,
      error: { errorType: behaviour.errorType, errorMessage: behaviour.errorMessage ?? 'scripted failure' },
      ...common,
    };
  }
}
