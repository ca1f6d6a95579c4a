import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAll, specFor, startRuntime, temporaryDirectory } from '../test/runtime-harness';
import type { InvokeOutcome } from './invoker';
import type { LambdaRuntime } from './lambda-runtime';

jest.setTimeout(30_000);
afterAll(closeAll);

const greetingSource = (greeting: string): string => `export const greeting = '${greeting}';\n`;
const handlerSource = (version: number): string =>
  `import { greeting } from './greeting';\nexport const handler = async () => ({ version: ${version}, greeting });\n`;

function result(outcome: InvokeOutcome): unknown {
  return outcome.ok ? outcome.result : outcome.error;
}

/** Invokes until the function answers `expected`; returns that answer and the time from `savedAt` to it. */
async function untilAnswer(
  runtime: LambdaRuntime,
  functionId: string,
  expected: unknown,
  savedAt: number,
): Promise<{ outcome: InvokeOutcome; ms: number }> {
  for (;;) {
    const outcome = await runtime.invoke({ functionId, event: {} });
    if (JSON.stringify(result(outcome)) === JSON.stringify(expected))
      return { outcome, ms: performance.now() - savedAt };
    if (performance.now() - savedAt > 5000) throw new Error(`still answering ${JSON.stringify(result(outcome))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createLambdaRuntime: hot reload', () => {
  const directory = temporaryDirectory();
  const handlerFile = join(directory, 'reloading.handler.ts');
  const greetingFile = join(directory, 'greeting.ts');
  writeFileSync(greetingFile, greetingSource('hello'));
  writeFileSync(handlerFile, handlerSource(1));
  const spec = specFor('reloading', handlerFile);
  const reports: unknown[] = [];
  const { runtime, lines } = startRuntime([spec], { hotReload: true, onReload: (report) => reports.push(report) });

  it('runs the saved handler within half a second of the save, as a cold start, without restarting anything', async () => {
    expect(await runtime.invoke({ functionId: spec.id, event: {} })).toMatchObject({
      result: { version: 1, greeting: 'hello' },
    });
    const reloaded = runtime.reloaded(spec.id);
    const savedAt = performance.now();
    writeFileSync(handlerFile, handlerSource(2));
    const { outcome, ms } = await untilAnswer(runtime, spec.id, { version: 2, greeting: 'hello' }, savedAt);
    expect(ms).toBeLessThan(500);
    expect(outcome.coldStart).toBe(true);
    expect(await reloaded).toMatchObject({
      functionId: spec.id,
      ok: true,
      codeChanged: true,
      changedFile: handlerFile,
    });
    const after = await runtime.invoke({ functionId: spec.id, event: {} });
    expect(after.coldStart).toBe(false);
  });

  it('reloads when a file the handler imports changes', async () => {
    const reloaded = runtime.reloaded(spec.id);
    const savedAt = performance.now();
    writeFileSync(greetingFile, greetingSource('bonjour'));
    expect((await untilAnswer(runtime, spec.id, { version: 2, greeting: 'bonjour' }, savedAt)).ms).toBeLessThan(500);
    expect(await reloaded).toMatchObject({ ok: true, changedFile: greetingFile });
  });

  it('reports a syntax error on the invocation and in the log, keeps running, and recovers once fixed', async () => {
    const broken = runtime.reloaded(spec.id);
    writeFileSync(handlerFile, 'export const handler = async () => ({ version: ;\n');
    expect(await broken).toMatchObject({ ok: false, errorMessage: expect.stringContaining('reloading.handler.ts:1:') });
    expect(await runtime.invoke({ functionId: spec.id, event: {} })).toMatchObject({
      ok: false,
      error: { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: expect.stringMatching(/^SyntaxError: /) },
    });
    expect(lines(spec.id)).toContainEqual(expect.stringContaining('Runtime.UserCodeSyntaxError'));

    const fixed = runtime.reloaded(spec.id);
    writeFileSync(handlerFile, handlerSource(3));
    expect(await fixed).toMatchObject({ ok: true });
    expect(await runtime.invoke({ functionId: spec.id, event: {} })).toMatchObject({
      ok: true,
      coldStart: true,
      result: { version: 3 },
    });
  });

  it('keeps the warm environment when a save leaves the bundle unchanged', async () => {
    await runtime.invoke({ functionId: spec.id, event: {} });
    const reloaded = runtime.reloaded(spec.id);
    writeFileSync(handlerFile, handlerSource(3));
    expect(await reloaded).toMatchObject({ ok: true, codeChanged: false });
    expect(await runtime.invoke({ functionId: spec.id, event: {} })).toMatchObject({ ok: true, coldStart: false });
    expect(reports.length).toBeGreaterThanOrEqual(5);
  });
});
