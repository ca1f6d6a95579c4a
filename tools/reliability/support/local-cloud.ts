import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloudProcess, type LocalCloudProcess } from '../../bench/lib/local-cloud-process.mjs';

/** What the reliability suites talk to: the URLs `npm start` printed. */
export interface ReliabilityEndpoints {
  readonly restApi: string;
  readonly httpApi: string;
  readonly websocket: string;
  /** Service name → the URL its WebSocket clients connect to. */
  readonly websocketApis: Readonly<Record<string, string>>;
  /** SNS, EventBridge, @connections and /_local (tokens, traces, routes, dead letters). */
  readonly aws: string;
  /** DynamoDB Local itself (the suites read tables here, untraced). */
  readonly dynamodb: string;
  /** The REST APIs' x-api-key. */
  readonly apiKey: string;
}

export interface ReliabilityCloudOptions {
  /** Extra environment of the child, for example HARBOR_FAULTS. Kept for every restart unless restart() replaces it. */
  readonly env?: Record<string, string>;
  /** Keep DynamoDB in memory instead of a temporary data dir (no restart on the same data then). */
  readonly inMemory?: boolean;
  readonly startTimeoutMs?: number;
}

export interface ReliabilityCloud {
  /** The current endpoints; restart() keeps the same ports, so these stay valid across restarts. */
  readonly endpoints: ReliabilityEndpoints;
  /** Physical names are harbor-<env>-<logical> (tables, topics, the bus). */
  readonly env: string;
  readonly region: string;
  readonly accountId: string;
  /** DynamoDB Local's folder, undefined in memory. */
  readonly dataDir: string | undefined;
  /** The program's pid while it runs. */
  readonly pid: number | undefined;
  /** The last stdout/stderr of the program (function logs included), to explain a failure. */
  output(): string;
  /** How often the program ended without being asked to (a crash): stop(), kill() and restart() do not count. */
  unaskedExits(): number;
  /** SIGTERM: the program closes its servers and DynamoDB Local, as on Ctrl-C. Data stays for restart(). */
  stop(): Promise<void>;
  /** SIGKILL to the program, DynamoDB Local's JVM and everything else it started, at once. Data stays for restart(). */
  kill(): Promise<void>;
  /**
   * Starts `npm start` again on the same data dir and the same ports (stopping it first if it still runs).
   * `env` replaces the extra environment given so far (pass {} to drop HARBOR_FAULTS, for example).
   */
  restart(options?: { env?: Record<string, string> }): Promise<void>;
  /** Stops the program and deletes the temporary data dir. */
  dispose(): Promise<void>;
}

/** For beforeAll: a start (with its retries) on a machine busy with other runs. */
export const START_TIMEOUT_MS = 300_000;

const ENV = 'reliability';
const REGION = 'eu-west-1';
const ACCOUNT_ID = '000000000000';
const OUTPUT_TAIL_CHARS = 20_000;
const START_ATTEMPTS = 5;

function endpointsFrom(printed: Record<string, string>): ReliabilityEndpoints {
  const labelled = (prefix: string) => {
    const entry = Object.entries(printed).find(([label]) => label.startsWith(prefix));
    if (!entry) throw new Error(`npm start printed no "${prefix}" endpoint: ${JSON.stringify(printed)}`);
    return entry[1];
  };
  const websocket = labelled('WebSocket API');
  const websocketApis = Object.fromEntries(
    Object.entries(printed).filter(([, url]) => url.startsWith(`${websocket}/`)),
  );
  return {
    restApi: labelled('REST API'),
    httpApi: labelled('HTTP API'),
    websocket,
    websocketApis,
    aws: labelled('AWS endpoint'),
    dynamodb: labelled('DynamoDB Local'),
    apiKey: labelled('API key'),
  };
}

/** On a machine busy with other runs DynamoDB Local's JVM can miss its start window (90 s): try again. */
async function launchPatiently(launch: () => Promise<LocalCloudProcess>): Promise<LocalCloudProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch();
    } catch (error) {
      if (!(attempt < START_ATTEMPTS && error instanceof Error && /did not answer .* within/.test(error.message)))
        throw error;
    }
  }
}

/** The fixed ports of a running cloud, so a restart listens where clients already point. */
function portsOf(endpoints: ReliabilityEndpoints): Record<string, string> {
  const port = (url: string) => new URL(url).port;
  return {
    HARBOR_REST_PORT: port(endpoints.restApi),
    HARBOR_HTTP_API_PORT: port(endpoints.httpApi),
    HARBOR_WEBSOCKET_PORT: port(endpoints.websocket),
    HARBOR_AWS_PORT: port(endpoints.aws),
    HARBOR_DYNAMODB_PORT: port(endpoints.dynamodb),
  };
}

/**
 * Starts the real `npm start` program as a child process, on free ports, with DynamoDB Local on a fresh temporary
 * data dir (or in memory), and resolves once it printed its ready line.
 */
export async function startReliabilityCloud(options: ReliabilityCloudOptions = {}): Promise<ReliabilityCloud> {
  const dataDir = options.inMemory ? undefined : mkdtempSync(join(tmpdir(), 'harbor-reliability-'));
  let extraEnv = options.env ?? {};
  let output = '';
  const onOutput = (text: string) => {
    output = (output + text).slice(-OUTPUT_TAIL_CHARS);
    // HARBOR_RELIABILITY_VERBOSE=true shows the program's output (function logs) while a suite runs.
    if (process.env['HARBOR_RELIABILITY_VERBOSE'] === 'true') process.stderr.write(text);
  };
  const launch = (ports: Record<string, string>) =>
    startLocalCloudProcess({
      timeoutMs: options.startTimeoutMs ?? 120_000,
      ...(dataDir ? { dataDir } : {}),
      env: { HARBOR_ENV: ENV, AWS_REGION: REGION, HARBOR_ACCOUNT_ID: ACCOUNT_ID, ...ports, ...extraEnv },
      onOutput,
      processGroup: true,
    });

  let current: LocalCloudProcess | undefined;
  let unaskedExits = 0;
  /** Counts the exit of `running` unless it was stopped or killed on purpose (it is no longer `current` then). */
  const watch = (running: LocalCloudProcess): LocalCloudProcess => {
    void running.exited.then(() => {
      if (current === running) unaskedExits++;
    });
    return running;
  };
  const stopCurrent = async (how: 'stop' | 'kill') => {
    const running = current;
    current = undefined;
    await running?.[how]();
  };
  try {
    current = watch(await launchPatiently(() => launch({})));
  } catch (error) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let endpoints = endpointsFrom(current.endpoints);
  const ports = portsOf(endpoints);

  return {
    get endpoints() {
      return endpoints;
    },
    env: ENV,
    region: REGION,
    accountId: ACCOUNT_ID,
    dataDir,
    get pid() {
      return current?.pid;
    },
    output: () => output,
    unaskedExits: () => unaskedExits,
    stop: () => stopCurrent('stop'),
    kill: () => stopCurrent('kill'),
    restart: async (restartOptions = {}) => {
      if (!dataDir) throw new Error('an in-memory local cloud cannot restart on the same data');
      await stopCurrent('stop');
      if (restartOptions.env) extraEnv = restartOptions.env;
      current = watch(await launchPatiently(() => launch(ports)));
      endpoints = endpointsFrom(current.endpoints);
    },
    dispose: async () => {
      await stopCurrent('stop');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** harbor-<env>-<logical>, as Terraform and the local cloud name tables, topics and the bus. */
export const physicalName = (cloud: Pick<ReliabilityCloud, 'env'>, logical: string): string =>
  `harbor-${cloud.env}-${logical}`;

export const topicArn = (cloud: Pick<ReliabilityCloud, 'env' | 'region' | 'accountId'>, topic: string): string =>
  `arn:aws:sns:${cloud.region}:${cloud.accountId}:${physicalName(cloud, topic)}`;
