import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseEndpoints } from '../../bench/lib/local-cloud-process.mjs';

export interface RunningLocalCloud {
  /** Label → URL, as `npm start` prints them. */
  readonly endpoints: Record<string, string>;
  stop(): Promise<void>;
}

/** `npm start -- --in-memory` of the workspace at root, on free ports; resolves once it prints `ready in`. */
export function startLocalCloudIn(root: string, env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<RunningLocalCloud> {
  const child = spawn(process.execPath, [join(root, 'tools/scripts/start-local-cloud.mjs'), '--in-memory'], {
    cwd: root,
    env: {
      ...env,
      HARBOR_REST_PORT: '0',
      HARBOR_HTTP_API_PORT: '0',
      HARBOR_WEBSOCKET_PORT: '0',
      HARBOR_AWS_PORT: '0',
      HARBOR_DYNAMODB_PORT: '0',
      HARBOR_HOT_RELOAD: 'false',
      HARBOR_ENV: 'scratch',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    // DynamoDB Local is the program's child: a clean SIGTERM lets it stop the JVM; a hung one is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the local cloud printed no ready line within ${timeoutMs} ms:\n${output.slice(-4000)}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!/ready in [\d.]+ s/.test(output)) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      child.stdout.resume(); // keep draining the functions' logs, unread
      resolve({ endpoints: parseEndpoints(output), stop });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the local cloud exited before it was ready:\n${output.slice(-4000)}`));
    });
  });
}
