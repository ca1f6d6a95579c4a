// Runs `npm start`'s program (tools/scripts/start-local-cloud.mjs) as a child process on free ports, and reads its
// endpoints and `ready in` line from stdout, as a script would. In memory by default; with `dataDir` it keeps
// DynamoDB Local's files there, so a second start on the same folder finds the first one's data.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const thisWorkspace = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const FREE_PORTS = {
  HARBOR_REST_PORT: '0',
  HARBOR_HTTP_API_PORT: '0',
  HARBOR_WEBSOCKET_PORT: '0',
  HARBOR_AWS_PORT: '0',
  HARBOR_DYNAMODB_PORT: '0',
  HARBOR_HOT_RELOAD: 'false',
  HARBOR_ENV: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const OUTPUT_TAIL_CHARS = 8000;

/** `  REST API   http://127.0.0.1:1234` → ['REST API', 'http://…']: the endpoint table printEndpoints writes. */
export function parseEndpoints(text) {
  const table = text.slice(text.indexOf('Harbor local cloud'), text.indexOf('ready in'));
  const endpoints = {};
  for (const match of table.matchAll(/^ {2,}(\S.*?)\s{2,}(\S+)$/gm)) endpoints[match[1].trim()] = match[2];
  return endpoints;
}

/**
 * The URL of the endpoint whose label starts with `prefix` ('AWS endpoint', 'REST API', …): labels grow as the
 * local cloud learns services, so callers name the stable start of one. A missing one fails naming the labels.
 */
export function endpointNamed(endpoints, prefix) {
  const labels = Object.keys(endpoints).filter((label) => label.startsWith(prefix));
  if (labels.length !== 1) {
    throw new Error(
      `expected one endpoint labelled "${prefix}…" in the start-up table, found ${labels.length} among: ${Object.keys(endpoints).join(', ')}`,
    );
  }
  return endpoints[labels[0]];
}

/** Waits (at most 5 s) until no process of the group is left, so its ports and data dir are free again. */
async function groupGone(pgid) {
  for (const until = Date.now() + 5000; Date.now() < until;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * Starts the local cloud; resolves once it printed `ready in`, with the endpoints, the wall time from spawn to
 * that line, the time the program reported, stop() (SIGTERM, then SIGKILL after 15 s) and kill() (SIGKILL; with
 * `processGroup` to the whole group: the program, DynamoDB Local's JVM and its watchdog die at once, as in a power cut).
 * Rejects (and kills the child) if it exits or times out.
 * Options: `dataDir` (on disk instead of in memory), `env` (added to the child's environment, for example fixed
 * ports or HARBOR_FAULTS), `onOutput(text)` (every chunk of stdout and stderr, also after the ready line),
 * `processGroup` (run it in its own process group; Ctrl-C of this process is passed on), `workspace` (the root of
 * another Harbor workspace, a generated one say; default this one).
 */
export function startLocalCloudProcess({
  timeoutMs = 120_000,
  dataDir,
  env = {},
  onOutput,
  processGroup = false,
  workspace = thisWorkspace,
} = {}) {
  const startedAt = performance.now();
  const args = [join(workspace, 'tools/scripts/start-local-cloud.mjs'), ...(dataDir ? [] : ['--in-memory'])];
  const child = spawn(process.execPath, args, {
    cwd: workspace,
    env: { ...process.env, ...FREE_PORTS, ...(dataDir ? { HARBOR_DATA_DIR: dataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // With processGroup, its own process group, so kill() reaches DynamoDB Local's JVM at once too.
    detached: processGroup,
  });
  const killGroup = (signal) => {
    try {
      if (processGroup) process.kill(-child.pid, signal);
      else child.kill(signal); // DynamoDB Local's watchdog then stops the JVM
    } catch {
      // gone already
    }
  };
  // A run that ends, crashes or is interrupted never leaves a local cloud behind (a separate process group no
  // longer gets the terminal's Ctrl-C, so pass it on).
  const killOnExit = () => killGroup('SIGKILL');
  const passOn = (signal) => {
    killGroup('SIGKILL');
    process.kill(process.pid, signal);
  };
  process.once('exit', killOnExit);
  if (processGroup) for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, passOn);
  const exited = new Promise((ok) =>
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      for (const name of ['SIGINT', 'SIGTERM']) process.removeListener(name, passOn);
      ok({ code, signal });
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) child.kill('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    killGroup('SIGKILL');
    await exited;
    if (processGroup) await groupGone(child.pid);
  };
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-OUTPUT_TAIL_CHARS);
    onOutput?.(String(chunk));
  });
  return new Promise((ok, fail) => {
    let ready = false;
    const timer = setTimeout(() => {
      kill();
      fail(new Error(`the local cloud printed no ready line within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      onOutput?.(String(chunk));
      if (ready) return; // keep draining the function logs, unread
      stdout += chunk;
      const match = /ready in ([\d.]+) s/.exec(stdout);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      ok({
        endpoints: parseEndpoints(stdout),
        wallMs: performance.now() - startedAt,
        reportedMs: Number(match[1]) * 1000,
        pid: child.pid,
        exited,
        stop,
        kill,
      });
    });
    exited.then(({ code, signal }) => {
      if (ready) return;
      clearTimeout(timer);
      fail(new Error(`the local cloud exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
}
