// Runs `npm start`'s program (tools/scripts/start-local-cloud.mjs) as a child process, in memory and on free
// ports, and reads its endpoints and `ready in` line from stdout, as a script would.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

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

/** `  REST API   http://127.0.0.1:1234` → ['REST API', 'http://…']: the endpoint table printEndpoints writes. */
export function parseEndpoints(text) {
  const table = text.slice(text.indexOf('Harbor local cloud'), text.indexOf('ready in'));
  const endpoints = {};
  for (const match of table.matchAll(/^ {2,}(\S.*?)\s{2,}(\S+)$/gm)) endpoints[match[1].trim()] = match[2];
  return endpoints;
}

/**
 * Starts the local cloud; resolves once it printed `ready in`, with the endpoints, the wall time from spawn to
 * that line, the time the program reported, and stop(). Rejects (and kills the child) if it exits or times out.
 */
export function startLocalCloudProcess({ timeoutMs = 120_000 } = {}) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'tools/scripts/start-local-cloud.mjs'), '--in-memory'], {
    cwd: root,
    env: { ...process.env, ...FREE_PORTS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((ok, fail) => {
    let ready = false;
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`the local cloud printed no ready line within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      if (ready) return; // keep draining the function logs, unread
      stdout += chunk;
      const match = /ready in ([\d.]+) s/.exec(stdout);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      ok({ endpoints: parseEndpoints(stdout), wallMs: performance.now() - startedAt, reportedMs: Number(match[1]) * 1000, stop });
    });
    exited.then(({ code, signal }) => {
      if (ready) return;
      clearTimeout(timer);
      fail(new Error(`the local cloud exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
}
