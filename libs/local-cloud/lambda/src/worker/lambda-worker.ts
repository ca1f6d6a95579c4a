/**
 * Entry of one execution environment (a worker thread). Bundled on its own by the runtime and started with
 * `eval`, so it may import only Node built-ins and the files beside it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHandler, type LambdaHandler } from './handler-loader';
import { describeReason, toInvokeError } from './invoke-error';
import type { InvokeError } from '../invoker';
import { installInvokeStore } from './invoke-store';
import { installLambdaConsole } from './lambda-console';
import { createLambdaContext } from './lambda-context';
import { installLogTail } from './log-tail';
import { exceedsResponseLimit, responseTooLarge, responseTooLargeLogLine } from './response-limit';
import type { InvokeBatch, InvokeMessage, Settlement, WorkerBootData, WorkerMessage } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('lambda-worker runs only inside a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);
// Settlements of one event-loop turn go back together (see InvokeBatch).
let settlements: Settlement[] = [];
const flushSettlements = (): void => {
  if (settlements.length === 0) return;
  post({ type: 'settled', settlements });
  settlements = [];
};
const settleInBatch = (settlement: Settlement): void => {
  if (settlements.push(settlement) === 1) setImmediate(flushSettlements);
};
/** A fatal error ends the environment: what already settled is sent first, then the error. */
const postFatal = (error: InvokeError): void => {
  flushSettlements();
  post({ type: 'fatal', error });
};
const boot = workerData as WorkerBootData;
const invocations = installInvokeStore();

process.setSourceMapsEnabled(true);
installLambdaConsole(() => invocations.requestId());
const logTails = installLogTail(() => invocations.requestId());
process.on('uncaughtException', (error) => {
  console.error('Uncaught Exception', error);
  postFatal(toInvokeError(error));
});
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled Promise Rejection', reason);
  postFatal({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: describeReason(reason) });
});

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/** Async handlers resolve; callback-style handlers (three parameters) may call back instead. */
function callHandler(handler: LambdaHandler, event: unknown, context: unknown): Promise<unknown> {
  if (handler.length < 3) return Promise.resolve().then(() => handler(event, context));
  return new Promise((resolve, reject) => {
    const callback = (error: unknown, result?: unknown): void => (error ? reject(error) : resolve(result));
    const returned = handler(event, context, callback);
    if (isPromiseLike(returned)) returned.then(resolve, reject);
  });
}

async function invoke(handler: LambdaHandler, message: InvokeMessage): Promise<void> {
  // As Lambda sets it; code that runs concurrently in this environment reads its own from the InvokeStore.
  process.env['_X_AMZN_TRACE_ID'] = message.traceId;
  if (message.tail) logTails.start(message.requestId);
  const settle = (settlement: Settlement): void => {
    const logTail = message.tail ? logTails.take(message.requestId) : undefined;
    settleInBatch(logTail === undefined ? settlement : { ...settlement, logTail });
  };
  try {
    const result = await callHandler(handler, JSON.parse(message.eventJson), createLambdaContext(boot, message));
    const resultJson = JSON.stringify(result ?? null);
    if (exceedsResponseLimit(resultJson)) {
      console.error(responseTooLargeLogLine());
      settle({ id: message.id, error: responseTooLarge() });
    } else {
      settle({ id: message.id, resultJson });
    }
  } catch (error) {
    const invokeError = toInvokeError(error);
    console.error(
      'Invoke Error \t%s',
      JSON.stringify({
        errorType: invokeError.errorType,
        errorMessage: invokeError.errorMessage,
        stack: invokeError.trace,
      }),
    );
    settle({ id: message.id, error: invokeError });
  }
}

// An arrow, not a hoisted function declaration: it keeps `port` narrowed to the worker's parent port.
const init = async (): Promise<void> => {
  const initStarted = performance.now();
  const loaded = await loadHandler(boot);
  const initDurationMs = performance.now() - initStarted;
  if (loaded.ok) {
    const { handler } = loaded;
    port.on('message', (batch: InvokeBatch) => {
      for (const message of batch)
        void invocations.run({ requestId: message.requestId, traceId: message.traceId }, () =>
          invoke(handler, message),
        );
    });
    post({ type: 'ready', initDurationMs });
  } else {
    console.error('Init Error \t%s', JSON.stringify(loaded.error));
    post({ type: 'init-failed', error: loaded.error, initDurationMs });
  }
};

void init();
