import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { randomUUID } from 'node:crypto';
import { UnknownFunctionError } from './errors';
import type { ReloadReport } from './function-source';
import type { InvokeOutcome, InvokeRequest, Invoker } from './invoker';
import { assertNoReservedKeys, type LambdaCredentials } from './lambda-environment';
import { LambdaFunction, type BuildReport } from './lambda-function';
import { validateFunctionSpecs, type LambdaFunctionSpec } from './lambda-function-spec';
import { SourceWatcher } from './source-watcher';

export interface LambdaRuntimeOptions {
  readonly functions: readonly LambdaFunctionSpec[];
  /** Records one `invoke` hop per invocation. */
  readonly trace?: TraceRecorder;
  /** Rebuild and swap a function's environment when one of its source files changes. Default true. */
  readonly hotReload?: boolean;
  /** Each line a function writes (and the runtime's lines about it). Default: printed as `[<name>] <line>`. */
  readonly log?: (functionId: string, line: string) => void;
  readonly onReload?: (report: ReloadReport) => void;
  /** AWS_REGION of every function. Default: the host's AWS_REGION, else us-east-1. */
  readonly region?: string;
  /** Account id in function ARNs. Default 000000000000. */
  readonly accountId?: string;
  /** The execution role's credentials as the functions see them. Default: local / local. */
  readonly credentials?: LambdaCredentials;
  /** Variables every function gets under its own (for example AWS_ENDPOINT_URL_SNS). */
  readonly sharedEnvironment?: Readonly<Record<string, string>>;
  /** tsconfig whose paths resolve `@harbor/*`. Default: the nearest tsconfig.base.json above each handler. */
  readonly tsconfig?: string;
}

export interface LambdaRuntime extends Invoker {
  /** Every function's first build, finished (built or failed, each said in its report). */
  ready(): Promise<readonly BuildReport[]>;
  /** Resolves after the next rebuild of the function that a source change causes. */
  reloaded(functionId: string): Promise<ReloadReport>;
  readonly functions: readonly LambdaFunctionSpec[];
  /** Stops watching and ends every execution environment. */
  close(): Promise<void>;
}

/**
 * Lambda for the local cloud: each function's handler bundled from its TypeScript source and run in its own
 * worker thread of this process (its own `process.env`), with Lambda's context, timeout, cold start and errors.
 */
export function createLambdaRuntime(options: LambdaRuntimeOptions): LambdaRuntime {
  validateFunctionSpecs(options.functions);
  options.functions.forEach(assertNoReservedKeys);
  const watcher = options.hotReload === false ? undefined : new SourceWatcher();
  const names = new Map(options.functions.map((spec) => [spec.id, spec.name]));
  const log = options.log ?? ((functionId: string, line: string) => process.stdout.write(`[${names.get(functionId)}] ${line}\n`));
  const functions = new Map(
    options.functions.map((spec) => [
      spec.id,
      new LambdaFunction(spec, {
        region: options.region ?? process.env['AWS_REGION'] ?? 'us-east-1',
        accountId: options.accountId ?? '000000000000',
        credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
        sharedEnvironment: options.sharedEnvironment ?? {},
        tsconfig: options.tsconfig,
        watcher,
        log: (line) => log(spec.id, line),
        onReload: (report) => options.onReload?.(report),
      }),
    ]),
  );
  const find = (functionId: string): LambdaFunction => {
    const found = functions.get(functionId);
    if (!found) throw new UnknownFunctionError(functionId);
    return found;
  };

  async function invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    const target = find(request.functionId);
    const requestId = randomUUID();
    const startedAt = new Date();
    const started = performance.now();
    const invocation = await target.invoke(request.event, requestId);
    const durationMs = performance.now() - started;
    options.trace?.record({
      correlationId: request.correlationId ?? requestId,
      kind: 'invoke',
      name: request.functionId,
      startedAt,
      durationMs,
      status: invocation.ok ? 'ok' : 'error',
      detail: {
        requestId,
        coldStart: invocation.coldStart,
        invocationType: request.invocationType ?? 'RequestResponse',
        ...(invocation.ok ? {} : { errorType: invocation.error.errorType }),
      },
    });
    return { ...invocation, durationMs, requestId };
  }

  return {
    functions: options.functions,
    invoke,
    has: (functionId) => functions.has(functionId),
    ready: () => Promise.all([...functions.values()].map((fn) => fn.ready())),
    reloaded: (functionId) => find(functionId).reloaded(),
    close: async () => {
      watcher?.close();
      await Promise.all([...functions.values()].map((fn) => fn.close()));
    },
  };
}
