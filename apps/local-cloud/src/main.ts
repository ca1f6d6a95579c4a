import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { accessLogLine, useColor } from './access-log';
import { helpText, parseCommandLine } from './command-line';
import { readConfig, type LocalCloudConfig } from './config';
import { printEndpoints } from './print-endpoints';
import { startLocalCloud } from './start-local-cloud';
import { explainStartFailure } from './start-failure';

/** `npm start`: the whole system on this machine. Ctrl-C stops everything, DynamoDB Local included. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const argv = process.argv.slice(2);
  if (parseCommandLine(argv).help) {
    process.stdout.write(helpText());
    return;
  }
  const workspaceRoot = findWorkspaceRoot();
  // Settings kept in the workspace's .env; a variable already set in the shell wins.
  const dotEnv = join(workspaceRoot, '.env');
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  config = readConfig(argv, process.env, workspaceRoot);
  const cloud = await startLocalCloud(config, { workspaceRoot });
  printEndpoints(config, cloud.endpoints, performance.now() - startedAt);
  if (config.accessLog) {
    const functions = cloud.services.flatMap((service) => Object.values(service.functions));
    const options = {
      color: useColor(process.stdout, process.env),
      memoryMb: new Map(functions.map((fn) => [fn.id, fn.memoryMb])),
    };
    cloud.trace.subscribe((hop) => {
      const line = accessLogLine(hop, options);
      if (line !== undefined) process.stdout.write(`${line}\n`);
    });
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

let config: LocalCloudConfig | undefined;

main().catch((error: unknown) => {
  process.stderr.write(`local cloud did not start: ${explainStartFailure(error, config)}\n`);
  process.exit(1);
});
