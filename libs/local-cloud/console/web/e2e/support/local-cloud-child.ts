import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export interface LocalCloudChild {
  /** Label of the start-up table to its URL (`REST API`, `HTTP API`, `AWS endpoint (…)`). */
  readonly endpoints: Readonly<Record<string, string>>;
  readonly aws: string;
  readonly restApi: string;
  stop(): Promise<void>;
}

const workspaceRoot = resolve(__dirname, '../../../../../..');

/**
 * `npm start`'s own program as a child process, in memory and on free ports: the console is served (and, when
 * its build is missing or stale, built) exactly as a developer gets it.
 */
export function startLocalCloudChild(timeoutMs = 120_000): Promise<LocalCloudChild> {
  const child = spawn(process.execPath, [join(workspaceRoot, 'tools/scripts/start-local-cloud.mjs'), '--in-memory'], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      HARBOR_REST_PORT: '0',
      HARBOR_HTTP_API_PORT: '0',
      HARBOR_WEBSOCKET_PORT: '0',
      HARBOR_AWS_PORT: '0',
      HARBOR_DYNAMODB_PORT: '0',
      HARBOR_HOT_RELOAD: 'false',
      HARBOR_ENV: 'console',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((ready, fail) => {
    const timer = setTimeout(
      () => void stop().then(() => fail(new Error(`the local cloud was not ready within ${timeoutMs} ms:\n${stderr}`))),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.includes('ready in')) return; // function logs keep coming: drained, unread
      stdout += chunk.toString();
      if (!stdout.includes('ready in')) return;
      clearTimeout(timer);
      const table = stdout.slice(stdout.indexOf('Harbor local cloud'), stdout.indexOf('ready in'));
      const endpoints: Record<string, string> = {};
      for (const match of table.matchAll(/^ {2,}(\S.*?)\s{2,}(\S+)$/gm))
        endpoints[(match[1] ?? '').trim()] = match[2] ?? '';
      const aws = Object.entries(endpoints).find(([label]) => label.startsWith('AWS endpoint'))?.[1];
      const restApi = endpoints['REST API'];
      if (!aws || !restApi) return fail(new Error(`no AWS endpoint or REST API in the start-up table:\n${table}`));
      ready({ endpoints, aws, restApi, stop });
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!stdout.includes('ready in')) fail(new Error(`the local cloud exited before it was ready:\n${stderr}`));
    });
  });
}

/**
 * The local cloud the console's tests drive: `npm start`'s program started here, or, when HARBOR_CONSOLE_E2E_AWS
 * and HARBOR_CONSOLE_E2E_REST name the AWS endpoint and REST API of one already running (`npm start`), that one.
 */
export function localCloudForConsoleTests(): Promise<LocalCloudChild> {
  const aws = process.env['HARBOR_CONSOLE_E2E_AWS'];
  const restApi = process.env['HARBOR_CONSOLE_E2E_REST'];
  if (aws && restApi) return Promise.resolve({ endpoints: {}, aws, restApi, stop: async () => undefined });
  return startLocalCloudChild();
}

/** Polls until `check` stops throwing (or `timeoutMs` passes, then throws its last error). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
