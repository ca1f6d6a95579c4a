import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { readConfig } from './config';
import { printEndpoints } from './print-endpoints';
import { startLocalCloud } from './start-local-cloud';

/** `npm start`: the whole system on this machine. Ctrl-C stops everything, DynamoDB Local included. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const workspaceRoot = findWorkspaceRoot();
  const config = readConfig(process.argv.slice(2), process.env, workspaceRoot);
  const cloud = await startLocalCloud(config, { workspaceRoot });
  printEndpoints(config, cloud.endpoints, performance.now() - startedAt);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    cloud.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local cloud did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
