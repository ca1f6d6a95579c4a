import { isTruncatedPart, type TraceRecorder } from '@harbor/local-cloud-trace';
import { randomUUID } from 'node:crypto';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import type { ConsoleResponse } from '../static-console';
import { consoleJson, consoleProblem, jsonBodyOf } from '../backend/console-answers';
import type { ConsoleInvokeOutcome, ConsoleInvoker } from './console-invoker';
import { SAMPLE_EVENTS } from './sample-events';

// Lambda's quota for a synchronous invocation's payload: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;

export interface InvokeRoutesOptions {
  readonly trace: TraceRecorder;
  /** Read when first asked: the runtime exists only after the console. */
  readonly invoker: () => ConsoleInvoker;
  readonly functions: () => readonly { readonly id: string; readonly name: string }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `GET /_local/invoke` (the functions and sample events), `POST /_local/invoke` (run a function with an event) and
 * `POST /_local/replay` (run a recorded invocation's event again). Each run gets a new correlation id, so it is a
 * flow of its own in the trace; it runs synchronously (RequestResponse) through the same invoker as every other
 * caller, faults included.
 */
export function invokeRoutes(options: InvokeRoutesOptions) {
  const knownIds = () => options.functions().map((fn) => fn.id);

  async function run(functionId: string, event: unknown, replayOf?: number): Promise<ConsoleResponse> {
    if (!options.invoker().has(functionId)) throw new ConsoleResourceNotFound('function', functionId, knownIds());
    const bytes = Buffer.byteLength(JSON.stringify(event) ?? '');
    if (bytes > MAX_EVENT_BYTES)
      return consoleProblem(
        413,
        'Payload too large',
        `the event is ${bytes} bytes; Lambda takes at most ${MAX_EVENT_BYTES} bytes for a synchronous invocation`,
        'CONSOLE.PAYLOAD_TOO_LARGE',
      );
    const correlationId = randomUUID();
    const outcome = await options
      .invoker()
      .invoke({ functionId, event, correlationId, invocationType: 'RequestResponse' });
    return consoleJson(200, answerOf(functionId, correlationId, outcome, replayOf));
  }

  return {
    list: (): ConsoleResponse =>
      consoleJson(200, {
        functions: options.functions().map(({ id, name }) => ({ id, name })),
        samples: SAMPLE_EVENTS,
      }),

    async invoke(request: { readonly body: Buffer }): Promise<ConsoleResponse> {
      const body = jsonBodyOf(request);
      if (!isObject(body) || typeof body['functionId'] !== 'string' || !('event' in body))
        throw new InvalidConsoleRequest('the body must be { "functionId": "<service>.<function>", "event": <JSON> }');
      return run(body['functionId'], body['event']);
    },

    async replay(request: { readonly body: Buffer }): Promise<ConsoleResponse> {
      const body = jsonBodyOf(request);
      const hopId = isObject(body) ? body['hopId'] : undefined;
      if (typeof hopId !== 'number' || !Number.isInteger(hopId))
        throw new InvalidConsoleRequest('the body must be { "hopId": <id of a recorded invoke hop> }');
      const hop = options.trace.hopById(hopId);
      if (!hop) throw new ConsoleResourceNotFound('hop', String(hopId), ['only the most recent hops are kept']);
      if (hop.kind !== 'invoke')
        throw new InvalidConsoleRequest(`hop ${hopId} is a ${hop.kind} hop; only an invoke hop can be replayed`);
      const event = hop.payload?.['event'];
      if (event === undefined || isTruncatedPart(event))
        return consoleProblem(
          409,
          'Event not kept whole',
          `hop ${hopId}'s event was cut to its first bytes when recorded; invoke ${hop.name} with an edited event instead`,
          'CONSOLE.EVENT_TRUNCATED',
        );
      return run(hop.name, event, hopId);
    },
  };
}

function answerOf(functionId: string, correlationId: string, outcome: ConsoleInvokeOutcome, replayOf?: number) {
  const common = {
    functionId,
    correlationId,
    requestId: outcome.requestId,
    durationMs: outcome.durationMs,
    coldStart: outcome.coldStart,
    ...(replayOf === undefined ? {} : { replayOf }),
  };
  return outcome.ok
    ? { ...common, ok: true, result: outcome.result }
    : {
        ...common,
        ok: false,
        error: { errorType: outcome.error.errorType, errorMessage: outcome.error.errorMessage },
      };
}
