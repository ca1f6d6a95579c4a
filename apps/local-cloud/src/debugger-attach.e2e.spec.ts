import {
  GREATEST_LOWER_BOUND,
  LEAST_UPPER_BOUND,
  TraceMap,
  generatedPositionFor,
  originalPositionFor,
} from '@jridgewell/trace-mapping';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InspectorClient } from '../test/support/inspector-client';
import { FREE_PORTS } from '../test/support/local-cloud-under-test';

/**
 * The README's debugging recipe, proven: `npm run start:debug` (node --inspect) lets a debugger attach to the
 * worker thread a function runs in, set a breakpoint on a line of the handler's TypeScript source (resolved through
 * the bundle's inline source map, as VS Code and Chrome do), stop there when a request arrives, and resume.
 */
const workspaceRoot = join(__dirname, '..', '..', '..');
const handlerFile = join(workspaceRoot, 'apps', 'orders', 'src', 'get-order.handler.ts');
const BUNDLE_SUFFIX = 'get-order.handler.local-bundle.cjs';
// The line a developer would break on: the use case call inside the handler (1-based, as editors count).
const breakpointLine =
  readFileSync(handlerFile, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes('await getOrder().execute')) + 1;

let program: ChildProcess;
let inspector: InspectorClient;
const endpoints: Record<string, string> = {};

function waitFor<T>(what: string, read: () => T | undefined, child: ChildProcess, output: () => string): Promise<T> {
  return new Promise((ok, fail) => {
    const check = () => {
      const found = read();
      if (found === undefined) return;
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', exited);
      ok(found);
    };
    const exited = () => fail(new Error(`the local cloud exited before ${what}:\n${output()}`));
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

beforeAll(async () => {
  let stdout = '';
  let stderr = '';
  // package.json's own start:debug command, its inspector on a free port.
  const [node, ...args] = (
    JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts['start:debug'].split(' ');
  expect(node).toBe('node');
  expect(args).toContain('--inspect');
  const inspectOnFreePort = args.map((arg) => (arg === '--inspect' ? '--inspect=127.0.0.1:0' : arg));
  program = spawn(process.execPath, [...inspectOnFreePort, '--in-memory'], {
    cwd: workspaceRoot,
    env: { ...process.env, ...FREE_PORTS, HARBOR_ENV: 'debug', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  program.stdout?.on('data', (chunk) => (stdout += chunk));
  program.stderr?.on('data', (chunk) => (stderr += chunk));
  const output = () => `${stdout}\n${stderr}`;
  const inspectorUrl = await waitFor(
    'its inspector listened',
    () => /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1],
    program,
    output,
  );
  await waitFor('it was ready', () => (/ready in [\d.]+ s/.test(stdout) ? true : undefined), program, output);
  const table = stdout.slice(stdout.indexOf('Harbor local cloud'), stdout.indexOf('ready in'));
  for (const [, label, url] of table.matchAll(/^ {2,}(\S.*?)\s{2,}(http\S+)$/gm)) endpoints[label.trim()] = url;
  inspector = await InspectorClient.connect(inspectorUrl);
}, 120_000);

afterAll(async () => {
  inspector?.close();
  if (program && program.exitCode === null) {
    const exited = new Promise((ok) => program.once('exit', ok));
    program.kill('SIGTERM');
    await exited;
  }
});

const endpoint = (prefix: string): string => {
  const label = Object.keys(endpoints).find((name) => name.startsWith(prefix));
  if (!label) throw new Error(`no "${prefix}…" endpoint among ${Object.keys(endpoints).join(', ')}`);
  return endpoints[label];
};

type Location = { scriptId: string; lineNumber: number; columnNumber: number };
type Paused = { hitBreakpoints?: string[]; callFrames: { location: Location }[] };
type Bundle = { scriptId: string; map: TraceMap };

function sourceMapOf(url: string, sourceMapURL: string): TraceMap {
  const [, encoded] = sourceMapURL.split('base64,');
  if (!encoded) throw new Error(`${url} has no inline source map: debuggers could not map it to the TypeScript source`);
  const bundlePath = url.startsWith('file:') ? fileURLToPath(url) : url;
  return new TraceMap(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')), bundlePath);
}

describe('a debugger attached to npm run start:debug', () => {
  it('stops on a line of the handler source when a request reaches the function, and the request completes after resuming', async () => {
    const bundles = new Map<string, Bundle>();
    const breakpoints = new Set<string>();
    let stopped!: (location: { source: string | null; line: number | null }) => void;
    const stoppedAt = new Promise<{ source: string | null; line: number | null }>((ok) => (stopped = ok));

    // Every worker thread, those running already and those started later, as VS Code and Chrome attach to them.
    inspector.on('NodeWorker.attachedToWorker', ({ sessionId }: { sessionId: string }) => {
      inspector.on(
        `${sessionId}:Debugger.scriptParsed`,
        ({ scriptId, url, sourceMapURL }: { scriptId: string; url: string; sourceMapURL?: string }) => {
          if (url.endsWith(BUNDLE_SUFFIX))
            bundles.set(sessionId, { scriptId, map: sourceMapOf(url, sourceMapURL ?? '') });
        },
      );
      inspector.on(`${sessionId}:Debugger.paused`, (paused: Paused) => {
        const frame = paused.callFrames[0];
        const bundle = bundles.get(sessionId);
        if (bundle && paused.hitBreakpoints?.some((id) => breakpoints.has(id))) {
          stopped(
            originalPositionFor(bundle.map, {
              line: frame.location.lineNumber + 1,
              column: frame.location.columnNumber,
              bias: GREATEST_LOWER_BOUND,
            }),
          );
        }
        void inspector.sendToWorker(sessionId, 'Debugger.resume');
      });
      void inspector
        .sendToWorker(sessionId, 'Debugger.enable')
        .then(() => inspector.sendToWorker(sessionId, 'Runtime.runIfWaitingForDebugger'));
    });
    await inspector.send('NodeWorker.enable', { waitForDebuggerOnStart: true });

    const token = (await (
      await fetch(`${endpoint('AWS endpoint')}/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'debugger' }),
      })
    ).json()) as { token: string };
    const getOrder = () =>
      fetch(`${endpoint('REST API')}/orders/${randomUUID()}`, { headers: { authorization: token.token } });
    // The first request loads the function (its worker starts, the bundle's script is parsed with its source map).
    expect((await getOrder()).status).toBe(404);
    const [[sessionId, bundle]] = [...bundles];

    // A breakpoint on the TypeScript line, placed through the source map as a debugger places it.
    const at = generatedPositionFor(bundle.map, {
      source: handlerFile,
      line: breakpointLine,
      column: 0,
      bias: LEAST_UPPER_BOUND,
    });
    expect(at.line).not.toBeNull();
    const set = await inspector.sendToWorker(sessionId, 'Debugger.setBreakpoint', {
      location: { scriptId: bundle.scriptId, lineNumber: at.line! - 1, columnNumber: at.column },
    });
    breakpoints.add(String(set['breakpointId']));

    const held = getOrder();
    expect(await stoppedAt).toMatchObject({ source: handlerFile, line: breakpointLine });
    // Resumed: the request the breakpoint held is answered (no such order: 404 problem+json from the function).
    expect((await held).status).toBe(404);
  }, 120_000);
});
