import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeAll, fixture, specFor, startRuntime } from '../test/runtime-harness';
import { UnknownFunctionError } from './errors';
import type { InvokeOutcome } from './invoker';

jest.setTimeout(20_000);
afterAll(closeAll);

function resultOf(outcome: InvokeOutcome): Record<string, unknown> {
  if (!outcome.ok) throw new Error(`invocation failed: ${outcome.error.errorType} ${outcome.error.errorMessage}`);
  return outcome.result as Record<string, unknown>;
}

describe('createLambdaRuntime: environment and context', () => {
  const first = specFor('first', fixture('context-env'), {
    environment: { SHARED_NAME: 'first', ONLY_FIRST: 'yes' },
    memoryMb: 256,
  });
  const second = specFor('second', fixture('context-env'), {
    environment: { SHARED_NAME: 'second' },
    timeoutSeconds: 5,
  });
  const { runtime } = startRuntime([first, second], {
    sharedEnvironment: { AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:4566' },
  });
  const keys = ['SHARED_NAME', 'ONLY_FIRST', 'AWS_ENDPOINT_URL_SNS'];

  it('gives each function its own process.env, invoked at the same time, without touching the host', async () => {
    const [a, b] = await Promise.all([
      runtime.invoke({ functionId: first.id, event: { keys } }),
      runtime.invoke({ functionId: second.id, event: { keys } }),
    ]);
    expect(resultOf(a)['env']).toEqual({
      SHARED_NAME: 'first',
      ONLY_FIRST: 'yes',
      AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:4566',
    });
    expect(resultOf(b)['env']).toEqual({
      SHARED_NAME: 'second',
      ONLY_FIRST: null,
      AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:4566',
    });
    expect(process.env['SHARED_NAME']).toBeUndefined();
  });

  it('sets the variables Lambda defines, Powertools included', async () => {
    const reserved = [
      'AWS_LAMBDA_FUNCTION_NAME',
      'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
      'AWS_LAMBDA_FUNCTION_VERSION',
      'AWS_REGION',
      'AWS_LAMBDA_INITIALIZATION_TYPE',
      '_HANDLER',
      'AWS_LAMBDA_LOG_GROUP_NAME',
      'AWS_ACCESS_KEY_ID',
    ];
    const env = resultOf(
      await runtime.invoke({ functionId: first.id, event: { keys: [...reserved, 'LAMBDA_TASK_ROOT'] } }),
    )['env'];
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: first.name,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      _HANDLER: 'index.handler',
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${first.name}`,
      AWS_ACCESS_KEY_ID: 'local',
      LAMBDA_TASK_ROOT: expect.stringContaining('fixtures'),
    });
  });

  it('passes a context with the request id, names, ARN and memory of the function', async () => {
    const outcome = await runtime.invoke({ functionId: second.id, event: { keys: [] } });
    expect(resultOf(outcome)['context']).toEqual({
      awsRequestId: outcome.requestId,
      functionName: second.name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${second.name}`,
      memoryLimitInMB: '256',
      logGroupName: `/aws/lambda/${second.name}`,
      logStreamName: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/),
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(outcome.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('counts the remaining time down from the timeout', async () => {
    const result = resultOf(await runtime.invoke({ functionId: second.id, event: { keys: [], waitMs: 300 } }));
    const atStart = result['remainingAtStart'] as number;
    const atEnd = result['remainingAtEnd'] as number;
    expect(atStart).toBeLessThanOrEqual(5000);
    expect(atStart).toBeGreaterThan(4500);
    expect(atStart - atEnd).toBeGreaterThanOrEqual(290);
  });
});

describe('createLambdaRuntime: cold starts, callbacks, logs and traces', () => {
  const counter = specFor('counter', fixture('counter'));
  const callback = specFor('callback', fixture('callback'));
  const logging = specFor('logging', fixture('logging'));
  const trace = new TraceRecorder();
  const { runtime, lines } = startRuntime([counter, callback, logging], { trace });

  it('reports a cold start, with its init time, on the first invocation only; module state persists', async () => {
    const first = await runtime.invoke({ functionId: counter.id, event: {} });
    const second = await runtime.invoke({ functionId: counter.id, event: {} });
    expect(first).toMatchObject({ ok: true, coldStart: true, result: { invocations: 1 } });
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(second).toMatchObject({ ok: true, coldStart: false, result: { invocations: 2 } });
    expect(second.initDurationMs).toBeUndefined();
  });

  it('runs callback-style handlers, success and error', async () => {
    expect(await runtime.invoke({ functionId: callback.id, event: {} })).toMatchObject({
      ok: true,
      result: { style: 'callback' },
    });
    expect(await runtime.invoke({ functionId: callback.id, event: { fail: true } })).toMatchObject({
      ok: false,
      error: { errorType: 'TypeError', errorMessage: 'called back with an error' },
    });
  });

  it('passes console lines in Lambda text format and raw stdout lines to the log', async () => {
    const outcome = await runtime.invoke({ functionId: logging.id, event: { message: 'hello' } });
    await new Promise((resolve) => setTimeout(resolve, 100)); // worker stdout reaches the main thread asynchronously
    expect(lines(logging.id)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\t${outcome.requestId}\\tINFO\\tsaid hello$`),
        ),
        expect.stringMatching(new RegExp(`\\t${outcome.requestId}\\tERROR\\twarned$`)),
        '{"raw":"hello"}',
      ]),
    );
  });

  it('records one invoke hop per invocation with its correlation id, cold start and status', async () => {
    await runtime.invoke({ functionId: counter.id, event: {}, correlationId: 'corr-1', invocationType: 'Event' });
    await runtime.invoke({ functionId: callback.id, event: { fail: true }, correlationId: 'corr-1' });
    expect(trace.byCorrelationId('corr-1')).toEqual([
      expect.objectContaining({
        kind: 'invoke',
        name: counter.id,
        status: 'ok',
        detail: expect.objectContaining({ coldStart: false, invocationType: 'Event' }),
      }),
      expect.objectContaining({
        kind: 'invoke',
        name: callback.id,
        status: 'error',
        detail: expect.objectContaining({ errorType: 'TypeError' }),
      }),
    ]);
  });

  it('knows its functions and refuses an unknown one loudly', async () => {
    expect(runtime.has(counter.id)).toBe(true);
    expect(runtime.has('fixtures.nothing')).toBe(false);
    await expect(runtime.invoke({ functionId: 'fixtures.nothing', event: {} })).rejects.toThrow(UnknownFunctionError);
  });
});

describe('createLambdaRuntime: which invocation an AWS call comes from', () => {
  const caller = specFor('caller', fixture('trace-header'));
  const { runtime } = startRuntime([caller]);

  it('maps the X-Amzn-Trace-Id the SDK sends to the calling invocation’s correlation id, even when invocations interleave', async () => {
    // Stands in for an emulated AWS service (@connections): it notes whose call each connection id received.
    const callers = new Map<string, string>();
    const traceHeaders = new Map<string, string>();
    const service = createServer((request, response) => {
      const connectionId = decodeURIComponent(request.url?.split('/').pop() ?? '');
      const traceHeader = request.headers['x-amzn-trace-id'] as string | undefined;
      traceHeaders.set(connectionId, traceHeader ?? '');
      callers.set(connectionId, runtime.correlationIdOfTraceHeader(traceHeader) ?? 'unknown');
      request.resume().on('end', () => response.writeHead(200).end());
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
      await runtime.invoke({ functionId: caller.id, event: { endpoint, connectionId: 'warm-up', waitMs: 0 } });
      // The first call leaves while the second invocation (started later, in the same environment) is running.
      await Promise.all([
        runtime.invoke({
          functionId: caller.id,
          event: { endpoint, connectionId: 'first', waitMs: 400 },
          correlationId: 'order-1',
        }),
        new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
          runtime.invoke({
            functionId: caller.id,
            event: { endpoint, connectionId: 'second', waitMs: 600 },
            correlationId: 'order-2',
          }),
        ),
      ]);
      expect(Object.fromEntries([...callers].filter(([id]) => id !== 'warm-up'))).toEqual({
        first: 'order-1',
        second: 'order-2',
      });
      const traceHeader = traceHeaders.get('first')!;
      expect(traceHeader).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
      expect(traceHeaders.get('second')).not.toBe(traceHeader);
      // Once the invocation has ended its trace header belongs to no one.
      expect(runtime.correlationIdOfTraceHeader(traceHeader)).toBeUndefined();
      expect(runtime.correlationIdOfTraceHeader(undefined)).toBeUndefined();
    } finally {
      await new Promise((resolve) => service.close(resolve));
    }
  });
});
