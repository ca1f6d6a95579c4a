import { startLocalCloudProcess } from '../../bench/lib/local-cloud-process.mjs';

export { endpointNamed } from '../../bench/lib/local-cloud-process.mjs';

export interface RunningLocalCloud {
  /** Label → URL, as `npm start` prints them. */
  readonly endpoints: Record<string, string>;
  stop(): Promise<void>;
}

/** `npm start -- --in-memory` of the workspace at root, on free ports; resolves once it prints `ready in`. */
export async function startLocalCloudIn(
  root: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 90_000,
): Promise<RunningLocalCloud> {
  const { endpoints, stop } = await startLocalCloudProcess({
    workspace: root,
    env: { ...env, HARBOR_ENV: 'scratch' },
    timeoutMs,
  });
  return { endpoints, stop };
}
