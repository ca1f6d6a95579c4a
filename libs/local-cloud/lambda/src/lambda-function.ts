import { randomUUID } from 'node:crypto';
import { FunctionSource, type ReloadReport } from './function-source';
import { FunctionWorker } from './function-worker';
import type { HandlerBuild, SuccessfulBuild } from './handler-bundler';
import type { InvokeError } from './invoker';
import { buildLambdaEnvironment, logGroupName, type EnvironmentSettings } from './lambda-environment';
import type { LambdaFunctionSpec } from './lambda-function-spec';
import type { SourceWatcher } from './source-watcher';
import { workerScript } from './worker-script';

export interface LambdaFunctionSettings extends EnvironmentSettings {
  readonly accountId: string;
  readonly watcher?: SourceWatcher;
  readonly tsconfig?: string;
  readonly log: (line: string) => void;
  readonly onReload: (report: ReloadReport) => void;
}

export type FunctionInvocation = (
  | {
      readonly ok: true;
      readonly result: unknown;
      /** The result as the worker sent it back: the trace keeps this text, never serialising the result again. */
      readonly resultJson: string;
      readonly coldStart: boolean;
      readonly initDurationMs?: number;
    }
  | { readonly ok: false; readonly error: InvokeError; readonly coldStart: boolean; readonly initDurationMs?: number }
) & {
  readonly logTail?: string;
  /** The event as the function was given it (undefined when no build could take it). */
  readonly eventJson?: string;
};

export interface BuildReport {
  readonly functionId: string;
  readonly ok: boolean;
  readonly buildDurationMs: number;
  /** First-party source files in the bundle (what hot reload watches). */
  readonly inputs: number;
  readonly errorMessage?: string;
}

// randomUUID draws from a buffered pool: a sync randomBytes call per invocation cost more than the rest of it.
const hex32 = (): string => randomUUID().replace(/-/g, '');

// `2024/05/01/[$LATEST]<32 hex>`: one stream per execution environment, as in CloudWatch.
const newLogStreamName = (): string =>
  `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${hex32()}`;

/** An X-Ray trace header (`_X_AMZN_TRACE_ID`) for one invocation. */
export const newTraceId = (): string => {
  const random = hex32();
  return `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${random.slice(0, 24)};Parent=${random.slice(16)};Sampled=0`;
};

/** One function: its source (built, watched, rebuilt) and its current execution environment. */
export class LambdaFunction {
  private readonly source: FunctionSource;
  private worker: { readonly environment: FunctionWorker; readonly build: HandlerBuild } | undefined;
  private script: string | undefined;
  private reloadWaiters: ((report: ReloadReport) => void)[] = [];

  constructor(
    readonly spec: LambdaFunctionSpec,
    private readonly settings: LambdaFunctionSettings,
  ) {
    this.source = new FunctionSource(spec, {
      watcher: settings.watcher,
      tsconfig: settings.tsconfig,
      onRebuilt: (build, report) => this.onRebuilt(build, report),
    });
    void this.source.current().then((build) => this.logBuildFailure(build));
  }

  async ready(): Promise<BuildReport> {
    const build = await this.source.current();
    return {
      functionId: this.spec.id,
      ok: build.ok,
      buildDurationMs: build.durationMs,
      inputs: build.inputs.length,
      ...(build.ok ? {} : { errorMessage: build.error.errorMessage }),
    };
  }

  /** Resolves after the next rebuild a source change causes. */
  reloaded(): Promise<ReloadReport> {
    return new Promise((resolve) => this.reloadWaiters.push(resolve));
  }

  async invoke(event: unknown, requestId: string, traceId = newTraceId(), tail = false): Promise<FunctionInvocation> {
    this.script ??= await workerScript();
    const build = await this.source.current();
    if (!build.ok) return { ok: false, error: build.error, coldStart: false };
    const environment = this.environmentFor(build);
    const eventJson = JSON.stringify(event ?? null);
    const outcome = await environment.invoke(requestId, eventJson, traceId, tail);
    const { coldStart, initDurationMs, logTail } = outcome;
    const invocation: FunctionInvocation = outcome.ok
      ? {
          ok: true,
          result: JSON.parse(outcome.resultJson),
          resultJson: outcome.resultJson,
          coldStart,
          initDurationMs,
          eventJson,
        }
      : { ok: false, error: outcome.error, coldStart, initDurationMs, eventJson };
    // Only an invocation that asked for its tail pays for the copy (the outcome is built field by field otherwise).
    return logTail === undefined ? invocation : { ...invocation, logTail };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await Promise.all([this.source.dispose(), worker?.environment.terminate()]);
  }

  /** The environment running this build, started (a cold start) when there is none that accepts work. */
  private environmentFor(build: SuccessfulBuild): FunctionWorker {
    const current = this.worker;
    if (current && current.build === build && current.environment.accepting) return current.environment;
    current?.environment.retire();
    const environment = this.spawn(build);
    this.worker = { environment, build };
    return environment;
  }

  private spawn(build: SuccessfulBuild): FunctionWorker {
    if (this.script === undefined) throw new Error('worker script requested before it was built');
    const { spec, settings } = this;
    const logStreamName = newLogStreamName();
    return new FunctionWorker({
      script: this.script,
      env: buildLambdaEnvironment(spec, settings, logStreamName),
      memoryMb: spec.memoryMb,
      timeoutMs: spec.timeoutSeconds * 1000,
      onLine: settings.log,
      boot: {
        bundleCode: build.code,
        bundleFile: build.bundleFile,
        format: build.format,
        handlerExport: spec.handlerExport ?? 'handler',
        functionName: spec.name,
        invokedFunctionArn: `arn:aws:lambda:${settings.region}:${settings.accountId}:function:${spec.name}`,
        memoryLimitInMB: String(spec.memoryMb),
        logGroupName: logGroupName(spec),
        logStreamName,
      },
    });
  }

  private onRebuilt(build: HandlerBuild, report: ReloadReport): void {
    this.logBuildFailure(build);
    if (build.ok && !report.codeChanged && this.worker) this.worker = { ...this.worker, build };
    else if (this.worker) {
      const wasRunning = this.worker.environment.accepting;
      this.worker.environment.retire();
      this.worker = undefined;
      // Start the new code's environment now, so the next request does not wait for its init.
      if (build.ok && wasRunning && this.script !== undefined) this.worker = { environment: this.spawn(build), build };
    }
    this.settings.onReload(report);
    const waiters = this.reloadWaiters;
    this.reloadWaiters = [];
    for (const resolve of waiters) resolve(report);
  }

  private logBuildFailure(build: HandlerBuild): void {
    if (!build.ok) this.settings.log(`${build.error.errorType}: ${build.error.errorMessage}`);
  }
}
