import { signedHeaders } from '@harbor/local-cloud-auth';
import { readConfig } from '../../src/config';
import { startLocalCloud, type RunningLocalCloud } from '../../src/start-local-cloud';

/** Every endpoint on a free port, DynamoDB in memory, no file watching: test runs never collide. */
const FREE_PORTS = {
  HARBOR_REST_PORT: '0',
  HARBOR_HTTP_API_PORT: '0',
  HARBOR_WEBSOCKET_PORT: '0',
  HARBOR_AWS_PORT: '0',
  HARBOR_DYNAMODB_PORT: '0',
  HARBOR_HOT_RELOAD: 'false',
  HARBOR_ENV: 'e2e',
};

/** Starts the local cloud on the services of `workspaceRoot`, as `npm start -- --in-memory` would. */
export const startLocalCloudForTests = (
  workspaceRoot: string,
  log?: (functionId: string, line: string) => void,
  flags: readonly string[] = [],
): Promise<RunningLocalCloud> =>
  startLocalCloud(readConfig(['--in-memory', ...flags], FREE_PORTS, workspaceRoot), { workspaceRoot, ...(log ? { log } : {}) });

/** A token from the local issuer (`POST /_local/token`), as a client would get one. */
export async function localToken(cloud: RunningLocalCloud, request: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${cloud.endpoints.aws}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (response.status !== 200) throw new Error(`POST /_local/token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Waits until `check` stops throwing (events reach sockets and registries asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A raw call to the AWS endpoint, signed with the local credentials as any SDK would sign it. */
export async function signedAwsFetch(cloud: RunningLocalCloud, service: string, headers: Record<string, string>, body: string): Promise<Response> {
  const signed = await signedHeaders(cloud.endpoints.aws, headers, body, { service, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return fetch(cloud.endpoints.aws, { method: 'POST', headers: signed, body });
}
