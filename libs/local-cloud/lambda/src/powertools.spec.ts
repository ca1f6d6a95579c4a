import { closeAll, fixture, specFor, startRuntime } from '../test/runtime-harness';

jest.setTimeout(30_000);
afterAll(closeAll);

describe('createLambdaRuntime with a Middy + Powertools handler', () => {
  const spec = specFor('powertools', fixture('powertools'), { environment: { POWERTOOLS_LOG_LEVEL: 'INFO' } });
  const { runtime, lines } = startRuntime([spec]);

  const powertoolsLine = (requestId: string): Record<string, unknown> => {
    const line = lines(spec.id).find((candidate) => candidate.includes(`"function_request_id":"${requestId}"`));
    if (!line) throw new Error(`no Powertools line for ${requestId} in:\n${lines(spec.id).join('\n')}`);
    return JSON.parse(line) as Record<string, unknown>;
  };

  it('lets Powertools see the cold start on the first invocation only, with the function context', async () => {
    const first = await runtime.invoke({ functionId: spec.id, event: { name: 'ada' } });
    const second = await runtime.invoke({ functionId: spec.id, event: { name: 'bob' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(first).toMatchObject({ ok: true, coldStart: true, result: { statusCode: 200, body: '{"hello":"ada"}' } });
    expect(powertoolsLine(first.requestId)).toMatchObject({
      cold_start: true,
      function_name: spec.name,
      function_memory_size: '256',
      function_arn: `arn:aws:lambda:eu-west-1:123456789012:function:${spec.name}`,
      message: 'greeting',
    });
    expect(powertoolsLine(second.requestId)).toMatchObject({ cold_start: false });
  });
});
