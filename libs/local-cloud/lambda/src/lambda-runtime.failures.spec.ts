import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAll, fixture, specFor, startRuntime, temporaryDirectory } from '../test/runtime-harness';

jest.setTimeout(30_000);
afterAll(closeAll);

describe('createLambdaRuntime: timeouts', () => {
  const slow = specFor('slow', fixture('slow'), { timeoutSeconds: 1 });
  const { runtime, lines } = startRuntime([slow]);

  it.each([
    ['waits on a timer', false],
    ['blocks its event loop', true],
  ])(
    'stops a handler that %s at its timeout with AWS error, logs it, and starts a fresh environment',
    async (_case, spin) => {
      await runtime.invoke({ functionId: slow.id, event: { ms: 1 } });
      const outcome = await runtime.invoke({ functionId: slow.id, event: { ms: 5000, spin } });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.errorType).toBe('Sandbox.Timedout');
      expect(outcome.error.errorMessage).toMatch(
        new RegExp(`^RequestId: ${outcome.requestId} Error: Task timed out after 1\\.\\d\\d seconds$`),
      );
      expect(outcome.durationMs).toBeGreaterThanOrEqual(1000);
      expect(outcome.durationMs).toBeLessThan(2000);
      expect(lines(slow.id)).toContainEqual(
        expect.stringMatching(new RegExp(`Z ${outcome.requestId} Task timed out after 1\\.\\d\\d seconds$`)),
      );
      const next = await runtime.invoke({ functionId: slow.id, event: { ms: 1 } });
      expect(next).toMatchObject({ ok: true, coldStart: true, result: { waited: 1 } });
    },
  );

  it('times out each of several invocations in flight at its own deadline, and lets the others finish', async () => {
    await runtime.invoke({ functionId: slow.id, event: { ms: 1 } });
    const first = runtime.invoke({ functionId: slow.id, event: { ms: 5000 } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const quick = runtime.invoke({ functionId: slow.id, event: { ms: 100 } });
    const second = runtime.invoke({ functionId: slow.id, event: { ms: 5000 } });
    const outcomes = await Promise.all([first, quick, second]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, true, false]);
    for (const late of [outcomes[0], outcomes[2]]) {
      expect(late.durationMs).toBeGreaterThanOrEqual(1000);
      expect(late.durationMs).toBeLessThan(1300);
      if (!late.ok) expect(late.error.errorMessage).toMatch(/Task timed out after 1\.\d\d seconds$/);
    }
  });
});

describe('createLambdaRuntime: handler errors', () => {
  const failing = specFor('failing', fixture('failing'));
  const { runtime, lines } = startRuntime([failing]);

  it('reports a thrown error by its name and message, logs it, and keeps the environment warm', async () => {
    await runtime.invoke({ functionId: failing.id, event: { failure: 'none' } });
    const outcome = await runtime.invoke({ functionId: failing.id, event: { failure: 'error' } });
    expect(outcome).toMatchObject({
      ok: false,
      coldStart: false,
      error: { errorType: 'OrderRejected', errorMessage: 'stock is short' },
    });
    if (!outcome.ok) expect(outcome.error.trace?.join('\n')).toContain('failing.handler.ts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines(failing.id)).toContainEqual(expect.stringContaining(`${outcome.requestId}\tERROR\tInvoke Error`));
    expect(await runtime.invoke({ functionId: failing.id, event: { failure: 'none' } })).toMatchObject({
      ok: true,
      coldStart: false,
    });
  });

  it('reports a thrown value that is not an Error by its type', async () => {
    expect(await runtime.invoke({ functionId: failing.id, event: { failure: 'string' } })).toMatchObject({
      ok: false,
      error: { errorType: 'string', errorMessage: 'plain text' },
    });
  });

  it.each([
    [
      'exits the process',
      'exit',
      'Runtime.ExitError',
      /^RequestId: [0-9a-f-]+ Error: Runtime exited with error: exit status 3$/,
    ],
    [
      'leaves a rejection unhandled',
      'rejection',
      'Runtime.UnhandledPromiseRejection',
      /^RangeError: nobody awaited this$/,
    ],
  ])(
    'survives a handler that %s: the invocation fails, the next one cold-starts',
    async (_case, failure, errorType, message) => {
      const outcome = await runtime.invoke({ functionId: failing.id, event: { failure } });
      expect(outcome).toMatchObject({ ok: false, error: { errorType, errorMessage: expect.stringMatching(message) } });
      expect(await runtime.invoke({ functionId: failing.id, event: { failure: 'none' } })).toMatchObject({
        ok: true,
        coldStart: true,
      });
    },
  );
});

describe('createLambdaRuntime: the 6 MB response limit', () => {
  const sized = specFor('sized', fixture('sized-response'));
  const { runtime, lines } = startRuntime([sized]);
  // The JSON of a string of n one-byte characters is n + 2 bytes (its quotes); the limit is 6,291,556 bytes.
  const invoke = (length: number, char?: string) =>
    runtime.invoke({ functionId: sized.id, event: char ? { length, char } : { length } });

  it('answers a result whose JSON is exactly at the limit', async () => {
    const outcome = await invoke(6_291_554);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect((outcome.result as string).length).toBe(6_291_554);
  });

  it("fails one byte over it as Lambda does, logs the runtime's refused post, and stays warm", async () => {
    const outcome = await invoke(6_291_555);
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines(sized.id)).toContainEqual(
      expect.stringContaining(
        `${outcome.requestId}\tERROR\tFailed to post handler success response. Http response code: 413.`,
      ),
    );
    expect(await invoke(1)).toMatchObject({ ok: true, coldStart: false, result: 'A' });
  });

  it('counts UTF-8 bytes, not characters', async () => {
    // '€' is three bytes: 2,097,184 of them make 6,291,554 bytes of JSON, one more 6,291,557.
    expect((await invoke(2_097_184, '€')).ok).toBe(true);
    expect(await invoke(2_097_185, '€')).toMatchObject({
      ok: false,
      error: { errorType: 'Function.ResponseSizeTooLarge' },
    });
  });
});

describe('createLambdaRuntime: init failures', () => {
  const directory = temporaryDirectory();
  const syntaxError = join(directory, 'syntax.handler.ts');
  const missingPackage = join(directory, 'missing.handler.ts');
  writeFileSync(syntaxError, 'export const handler = async () => ({ broken: ;\n');
  writeFileSync(
    missingPackage,
    "import { x } from 'a-package-that-is-not-installed';\nexport const handler = async () => x;\n",
  );
  const specs = {
    initThrows: specFor('initThrows', fixture('init-throws')),
    wrongExport: specFor('wrongExport', fixture('wrong-export')),
    syntax: specFor('syntax', syntaxError),
    missing: specFor('missing', missingPackage),
  };
  const { runtime, lines } = startRuntime(Object.values(specs));

  it.each([
    ['a module that throws while loading', specs.initThrows, 'ReferenceError', /^configuration is missing$/],
    [
      'a handler that is not exported',
      specs.wrongExport,
      'Runtime.HandlerNotFound',
      /^index\.handler is undefined or not exported$/,
    ],
    ['a syntax error', specs.syntax, 'Runtime.UserCodeSyntaxError', /^SyntaxError: .*syntax\.handler\.ts:1:\d+: /],
    [
      'a package that is not installed',
      specs.missing,
      'Runtime.ImportModuleError',
      /Cannot find module 'a-package-that-is-not-installed'/,
    ],
  ])('reports %s on every invocation and keeps running', async (_case, spec, errorType, message) => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const outcome = await runtime.invoke({ functionId: spec.id, event: {} });
      expect(outcome).toMatchObject({ ok: false, error: { errorType, errorMessage: expect.stringMatching(message) } });
    }
    expect(lines(spec.id).join('\n')).toContain(errorType);
  });

  it('says in its readiness report which functions did not build', async () => {
    const reports = await runtime.ready();
    expect(reports.find((report) => report.functionId === specs.syntax.id)).toMatchObject({
      ok: false,
      errorMessage: expect.stringContaining('SyntaxError'),
    });
    expect(reports.find((report) => report.functionId === specs.wrongExport.id)).toMatchObject({ ok: true, inputs: 1 });
  });
});
