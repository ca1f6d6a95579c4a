import { Worker } from 'node:worker_threads';
import type { InvokeError } from './invoker';
import { forEachLine } from './line-splitter';
import { exited, outOfMemory, timedOut, timedOutLogLine } from './runtime-errors';
import { toInvokeError } from './worker/invoke-error';
import type { InvokeMessage, WorkerBootData, WorkerMessage } from './worker/worker-protocol';

export interface FunctionWorkerOptions {
  readonly script: string;
  readonly boot: WorkerBootData;
  readonly env: Record<string, string>;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  readonly onLine: (line: string) => void;
}

export type WorkerInvocation = (
  | { readonly ok: true; readonly resultJson: string; readonly coldStart: boolean; readonly initDurationMs?: number }
  | { readonly ok: false; readonly error: InvokeError; readonly coldStart: boolean; readonly initDurationMs?: number }
) & { readonly logTail?: string };

/** An invocation's end as the worker reports it (or the runtime decides it: a timeout, a crash). */
type Outcome = ({ ok: true; resultJson: string } | { ok: false; error: InvokeError }) & { logTail?: string };

type Init =
  | { readonly ok: true; readonly initDurationMs: number }
  | { readonly ok: false; readonly error: (requestId: string) => InvokeError; readonly initDurationMs?: number };

interface Pending {
  readonly requestId: string;
  readonly startedAt: number;
  readonly settle: (outcome: Outcome) => void;
}

// Lambda gives an on-demand init 10 s, then retries it within the invocation's own timeout.
const INIT_ALLOWANCE_MS = 10_000;

/**
 * One execution environment of a function: a worker thread with its own `process.env`, a heap limited to the
 * function's memory, and the handler loaded once. Concurrent invocations interleave on its event loop. After a
 * timeout or a crash it takes no new invocations and ends once the ones in flight are settled.
 */
export class FunctionWorker {
  private readonly worker: Worker;
  private readonly init: Promise<Init>;
  /** In dispatch order, which is deadline order: every invocation of a function has the same timeout. */
  private readonly pending = new Map<number, Pending>();
  /** One timer, for the oldest invocation in flight (a timer per invocation cost more than the rest of its bookkeeping). */
  private deadline: NodeJS.Timeout | undefined;
  private resolveInit: (init: Init) => void = () => undefined;
  private nextId = 1;
  private dispatched = 0;
  /** Invocations of this event-loop turn, posted together once the turn's I/O is handled. */
  private outbox: InvokeMessage[] = [];
  /** Invocations accepted and not yet answered, including those still waiting for the init. */
  private active = 0;
  private retired = false;
  private exitCode: number | undefined;

  constructor(private readonly options: FunctionWorkerOptions) {
    this.init = new Promise<Init>((resolve) => (this.resolveInit = resolve));
    this.worker = new Worker(options.script, {
      eval: true,
      workerData: options.boot,
      env: options.env,
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    forEachLine(this.worker.stdout, options.onLine);
    forEachLine(this.worker.stderr, options.onLine);
    const initWatchdog = setTimeout(
      () => this.failInit(INIT_ALLOWANCE_MS + options.timeoutMs),
      INIT_ALLOWANCE_MS + options.timeoutMs,
    );
    void this.init.then(() => clearTimeout(initWatchdog));
    this.worker.on('message', (message: WorkerMessage) => this.receive(message));
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.crash((requestId) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(requestId) : toInvokeError(error),
      ),
    );
    this.worker.on('exit', (code) => {
      this.exitCode = code;
      this.crash((requestId) => exited(requestId, code));
    });
  }

  /** False once the environment timed out, crashed or was replaced: the next invocation needs a new one. */
  get accepting(): boolean {
    return !this.retired;
  }

  /** `tail`: collect the invocation's output in the worker and answer it with the outcome (Invoke's log tail). */
  async invoke(requestId: string, eventJson: string, traceId: string, tail = false): Promise<WorkerInvocation> {
    this.active += 1;
    try {
      return await this.dispatch(requestId, eventJson, traceId, tail);
    } finally {
      this.active -= 1;
      if (this.retired && this.active === 0) void this.worker.terminate();
    }
  }

  /** Takes no new invocations; ends the thread when the ones in flight are settled. */
  retire(): void {
    this.retired = true;
    if (this.active === 0) void this.worker.terminate();
  }

  async terminate(): Promise<void> {
    this.retired = true;
    await this.worker.terminate();
  }

  private async dispatch(
    requestId: string,
    eventJson: string,
    traceId: string,
    tail: boolean,
  ): Promise<WorkerInvocation> {
    const init = await this.init;
    const coldStart = this.dispatched++ === 0;
    const initDurationMs = coldStart ? init.initDurationMs : undefined;
    if (!init.ok) return { ok: false, error: init.error(requestId), coldStart, initDurationMs };
    if (this.exitCode !== undefined)
      return { ok: false, error: exited(requestId, this.exitCode), coldStart, initDurationMs };
    const outcome = await new Promise<Outcome>((settle) => {
      const id = this.nextId++;
      // The deadline runs on the monotonic, sub-millisecond clock the runtime times invocations with: Date.now()'s
      // whole milliseconds could time a handler out 0.9 ms before its timeout, and report less than it.
      const startedAt = performance.now();
      this.pending.set(id, { requestId, startedAt, settle });
      this.deadline ??= setTimeout(() => this.timeOutExpired(), this.options.timeoutMs);
      const message: InvokeMessage = {
        id,
        requestId,
        eventJson,
        deadlineMs: Date.now() + this.options.timeoutMs,
        traceId,
        ...(tail ? { tail } : {}),
      };
      if (this.outbox.push(message) === 1) setImmediate(() => this.flushOutbox());
    });
    // Built field by field: spreading differently shaped outcomes was a slow generic copy on every invocation.
    const { logTail } = outcome;
    if (logTail !== undefined) {
      return outcome.ok
        ? { ok: true, resultJson: outcome.resultJson, coldStart, initDurationMs, logTail }
        : { ok: false, error: outcome.error, coldStart, initDurationMs, logTail };
    }
    return outcome.ok
      ? { ok: true, resultJson: outcome.resultJson, coldStart, initDurationMs }
      : { ok: false, error: outcome.error, coldStart, initDurationMs };
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        return this.resolveInit({ ok: true, initDurationMs: message.initDurationMs });
      case 'init-failed':
        this.resolveInit({ ok: false, error: () => message.error, initDurationMs: message.initDurationMs });
        return this.retire();
      case 'settled':
        for (const settlement of message.settlements) {
          const { logTail } = settlement;
          const outcome: Outcome =
            'error' in settlement
              ? { ok: false, error: settlement.error }
              : { ok: true, resultJson: settlement.resultJson };
          this.settle(settlement.id, logTail === undefined ? outcome : { ...outcome, logTail });
        }
        return;
      case 'fatal':
        return this.crash(() => message.error);
    }
  }

  private flushOutbox(): void {
    const batch = this.outbox;
    this.outbox = [];
    this.worker.postMessage(batch);
  }

  private settle(id: number, outcome: Outcome): void {
    const pending = this.pending.get(id);
    if (!pending) return; // already timed out
    this.pending.delete(id);
    if (this.pending.size === 0) this.clearDeadline();
    pending.settle(outcome);
  }

  /** Times out every invocation past its deadline, then waits for the next oldest one's. */
  private timeOutExpired(): void {
    this.deadline = undefined;
    const now = performance.now();
    for (const [id, pending] of this.pending) {
      const dueInMs = pending.startedAt + this.options.timeoutMs - now;
      if (dueInMs > 0) {
        this.deadline = setTimeout(() => this.timeOutExpired(), Math.ceil(dueInMs));
        return;
      }
      this.timeOut(id);
    }
  }

  private clearDeadline(): void {
    clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  private timeOut(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    const elapsedMs = performance.now() - pending.startedAt;
    this.options.onLine(timedOutLogLine(pending.requestId, elapsedMs));
    this.retired = true;
    this.settle(id, { ok: false, error: timedOut(pending.requestId, elapsedMs) });
  }

  private failInit(elapsedMs: number): void {
    this.retired = true;
    this.resolveInit({ ok: false, error: (requestId) => timedOut(requestId, elapsedMs) });
    void this.worker.terminate();
  }

  /** The environment is gone or unusable: every invocation in flight fails with the cause. */
  private crash(error: (requestId: string) => InvokeError): void {
    this.retired = true;
    this.resolveInit({ ok: false, error });
    for (const [id, pending] of this.pending) this.settle(id, { ok: false, error: error(pending.requestId) });
    if (this.exitCode === undefined) void this.worker.terminate();
  }
}
