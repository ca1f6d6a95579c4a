import { JsonText, type TraceRecorder } from '@harbor/local-cloud-trace';
import { randomUUID } from 'node:crypto';
import { UnknownFunctionError } from './errors';
import type { ReloadReport } from './function-source';
import type { InvokeOutcome, InvokeRequest, Invoker } from './invoker';
import { assertNoReservedKeys, type LambdaCredentials } from './lambda-environment';
import { LambdaFunction, newTraceId, type BuildReport, type FunctionInvocation } from './lambda-function';
import { validateFunctionSpecs, type LambdaFunctionSpec } from './lambda-function-spec';
import { hostMismatches } from './node-runtime';
import { RecentRequests } from './recent-requests';
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
  /**
   * What the functions declare that this process cannot give them (another Node.js major, a time zone of their
   * own), one line each, once. Default: printed on stderr.
   */
  readonly warn?: (line: string) => void;
}

export interface LambdaRuntime extends Invoker {
  /** Every function's first build, finished (built or failed, each said in its report). */
  ready(): Promise<readonly BuildReport[]>;
  /** Resolves after the next rebuild of the function that a source change causes. */
  reloaded(functionId: string): Promise<ReloadReport>;
  readonly functions: readonly LambdaFunctionSpec[];
  /**
   * The correlation id of the invocation running under an X-Ray trace header. The SDK sends the invocation's trace
   * id (from the InvokeStore, else `_X_AMZN_TRACE_ID`) as `X-Amzn-Trace-Id` on every AWS call, so an emulated service
   * can put the hop it records into the trace of the request that made the call. Undefined once the invocation ended.
   */
  correlationIdOfTraceHeader(traceHeader: string | undefined): string | undefined;
  /** The correlation id of a recent invocation by its Lambda request id (what its log lines carry). */
  correlationIdOfRequest(requestId: string): string | undefined;
  /** Stops watching and ends every execution environment. */
  close(): Promise<void>;
}

const warned = new Set<string>();
/** A process that restarts its runtime (tests, a reload) says each warning once. */
const warnOnce = (line: string): void => {
  if (warned.has(line)) return;
  warned.add(line);
  process.stderr.write(`${line}\n`);
};

/**
 * Lambda for the local cloud: each function's handler bundled from its TypeScript source and run in its own
 * worker thread of this process (its own `process.env`), with Lambda's context, timeout, cold start and errors.
 */
export function createLambdaRuntime(options: LambdaRuntimeOptions): LambdaRuntime {
  validateFunctionSpecs(options.functions);
  options.functions.forEach(assertNoReservedKeys);
  const warn = options.warn ?? warnOnce;
  for (const line of hostMismatches(options.functions, process.version)) warn(line);
  // Lambda runs functions in UTC. The zone is the process's (a worker's own TZ does not move its clock): setting it
  // here, before any worker starts, is what makes every function's Date local time UTC.
  process.env['TZ'] = ':UTC';
  const watcher = options.hotReload === false ? undefined : new SourceWatcher();
  const names = new Map(options.functions.map((spec) => [spec.id, spec.name]));
  const log =
    options.log ?? ((functionId: string, line: string) => process.stdout.write(`[${names.get(functionId)}] ${line}\n`));
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

  // Trace header → correlation id of each invocation in flight; each has its own header, even when they interleave.
  const inFlight = new Map<string, string>();
  const recentRequests = new RecentRequests();

  async function invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    const target = find(request.functionId);
    const requestId = randomUUID();
    const traceId = newTraceId();
    const startedAt = new Date();
    const started = performance.now();
    inFlight.set(traceId, request.correlationId ?? requestId);
    recentRequests.remember(requestId, request.correlationId ?? requestId);
    let invocation: FunctionInvocation;
    try {
      invocation = await target.invoke(request.event, requestId, traceId, request.logType === 'Tail');
    } finally {
      inFlight.delete(traceId);
    }
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
        // Undefined on a warm start (dropped from the hop's JSON), the init's duration on a cold one.
        initDurationMs: invocation.initDurationMs,
        invocationType: request.invocationType ?? 'RequestResponse',
        ...(invocation.ok ? {} : { errorType: invocation.error.errorType }),
      },
      // The texts the worker was sent and sent back: capturing them serialises nothing again.
      payload: {
        event: invocation.eventJson === undefined ? request.event : new JsonText(invocation.eventJson),
        ...(invocation.ok
          ? { result: new JsonText(invocation.resultJson) }
          : { error: { errorType: invocation.error.errorType, errorMessage: invocation.error.errorMessage } }),
      },
    });
    const { coldStart, initDurationMs, logTail } = invocation;
    const outcome: InvokeOutcome = invocation.ok
      ? { ok: true, result: invocation.result, coldStart, initDurationMs, durationMs, requestId }
      : { ok: false, error: invocation.error, coldStart, initDurationMs, durationMs, requestId };
    return logTail === undefined ? outcome : { ...outcome, logTail };
  }

  return {
    functions: options.functions,
    invoke,
    has: (functionId) => functions.has(functionId),
    correlationIdOfTraceHeader: (traceHeader) => (traceHeader === undefined ? undefined : inFlight.get(traceHeader)),
    correlationIdOfRequest: (requestId) => recentRequests.correlationIdOf(requestId),
    ready: () => Promise.all([...functions.values()].map((fn) => fn.ready())),
    reloaded: (functionId) => find(functionId).reloaded(),
    close: async () => {
      watcher?.close();
      await Promise.all([...functions.values()].map((fn) => fn.close()));
    },
  };
}
