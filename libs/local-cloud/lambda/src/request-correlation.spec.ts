import { closeAll, fixture, specFor, startRuntime } from '../test/runtime-harness';

jest.setTimeout(20_000);
afterAll(closeAll);

describe('createLambdaRuntime: which request a log line belongs to', () => {
  const spec = specFor('logging', fixture('logging'));
  const { runtime, lines } = startRuntime([spec]);

  it("maps the request id each log line carries to its invocation's correlation id, after the invocation too", async () => {
    const [first, second] = await Promise.all([
      runtime.invoke({ functionId: spec.id, event: { message: 'one' }, correlationId: 'order-1' }),
      runtime.invoke({ functionId: spec.id, event: { message: 'two' }, correlationId: 'order-2' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runtime.correlationIdOfRequest(first.requestId)).toBe('order-1');
    expect(runtime.correlationIdOfRequest(second.requestId)).toBe('order-2');
    expect(runtime.correlationIdOfRequest('not-a-request')).toBeUndefined();
    const carrying = lines(spec.id).filter((line) => line.includes(first.requestId));
    expect(carrying.length).toBeGreaterThan(0);
  });
});
