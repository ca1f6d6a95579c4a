import { InvalidFaultConfig, NO_FAULTS, parseFaultConfig, type FaultConfig } from '@harbor/local-cloud-messaging';
import { StartupError } from '@harbor/platform-service-definitions';
import { CommandLineError, parseCommandLine, type CommandLine } from './command-line';
import { parseAllowedHosts } from './http/host-policy';

/**
 * What `npm start` listens on and where it keeps data. Every endpoint is overridable by an environment
 * variable so tests (and two checkouts side by side) can run on free ports.
 */
export interface LocalCloudConfig {
  readonly host: string;
  /** Host names answered besides loopback ones (`--allowed-hosts`); see http/host-policy.ts. */
  readonly allowedHosts: readonly string[];
  readonly restPort: number;
  readonly httpApiPort: number;
  readonly websocketPort: number;
  readonly awsPort: number;
  readonly dynamodbPort: number;
  /** Folder of DynamoDB Local's files; undefined keeps data in memory (tests). */
  readonly dataDir: string | undefined;
  /** Wipe `dataDir` before starting (`npm start -- --fresh`). */
  readonly fresh: boolean;
  /** Print a line per API request and per invocation (off with --quiet or HARBOR_QUIET=true). */
  readonly accessLog: boolean;
  /**
   * JSON of secret name → value overriding the declared `localValue`s, read when it exists: HARBOR_SECRETS_FILE, or
   * `.data/secrets.json` beside the default data dir (none for --in-memory or another data dir, so tests see the
   * declared values).
   */
  readonly secretsFile: string | undefined;
  readonly hotReload: boolean;
  readonly region: string;
  readonly accountId: string;
  /** Physical names are harbor-<env>-<logical>. */
  readonly env: string;
  /** The `x-api-key` value of each REST API's local usage plan (API Gateway needs at least 20 characters). */
  readonly apiKey: string;
  /** Faults injected from the start (HARBOR_FAULTS, the JSON PUT /_local/faults takes), so a restart keeps them. */
  readonly faults: FaultConfig;
  /** How many times faster than real time EventBridge Scheduler schedules come due (--scheduler-speed; 1 = real time). */
  readonly schedulerSpeed: number;
}

/** Not a secret: it only guards routes on this machine. Terraform's keys are generated and never in files. */
export const DEFAULT_LOCAL_API_KEY = 'harbor-local-api-key-0001';

/** A setting (flag, variable or .env line) the local cloud cannot use. */
export class ConfigError extends StartupError {
  constructor(message: string) {
    super(message, { feature: 'settings' });
  }
}

type PortFlag = 'rest-port' | 'http-api-port' | 'websocket-port' | 'aws-port' | 'dynamodb-port';

function port(flags: CommandLine, flag: PortFlag, env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const fromFlag = flags[flag];
  const raw = fromFlag ?? env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new ConfigError(
      `${fromFlag === undefined ? name : `--${flag}`}=${raw} is not a TCP port (0 picks a free one)`,
    );
  }
  return value;
}

function apiKey(raw: string | undefined): string {
  if (raw === undefined || raw === '') return DEFAULT_LOCAL_API_KEY;
  if (raw.length < 20)
    throw new ConfigError('HARBOR_API_KEY must hold at least 20 characters, as API Gateway requires');
  return raw;
}

function faults(raw: string | undefined): FaultConfig {
  if (raw === undefined || raw.trim() === '') return NO_FAULTS;
  try {
    return parseFaultConfig(JSON.parse(raw));
  } catch (error) {
    if (error instanceof InvalidFaultConfig) throw new ConfigError(`HARBOR_FAULTS: ${error.message}`);
    throw new ConfigError(`HARBOR_FAULTS is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function schedulerSpeed(flags: CommandLine, env: NodeJS.ProcessEnv): number {
  const raw = flags['scheduler-speed'] ?? env.HARBOR_SCHEDULER_SPEED;
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 1 || value > 100_000) {
    const source = flags['scheduler-speed'] === undefined ? 'HARBOR_SCHEDULER_SPEED' : '--scheduler-speed';
    throw new ConfigError(`${source}=${raw} is not a clock speed (a number from 1, real time, to 100000)`);
  }
  return value;
}

function flagsOf(argv: readonly string[]): CommandLine {
  try {
    return parseCommandLine(argv);
  } catch (error) {
    if (error instanceof CommandLineError) throw new ConfigError(error.message);
    throw error;
  }
}

/** The configuration from `npm start`'s flags (command-line.ts), each falling back to its HARBOR_* variable. */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv, workspaceRoot: string): LocalCloudConfig {
  const flags = flagsOf(argv);
  const inMemory = flags['in-memory'] === true || env.HARBOR_IN_MEMORY === 'true';
  const otherDataDir = Boolean(flags['data-dir'] || env.HARBOR_DATA_DIR);
  return {
    host: flags.host ?? env.HARBOR_HOST ?? '127.0.0.1',
    allowedHosts: parseAllowedHosts(flags['allowed-hosts'] ?? env.HARBOR_ALLOWED_HOSTS),
    restPort: port(flags, 'rest-port', env, 'HARBOR_REST_PORT', 3000),
    httpApiPort: port(flags, 'http-api-port', env, 'HARBOR_HTTP_API_PORT', 3001),
    websocketPort: port(flags, 'websocket-port', env, 'HARBOR_WEBSOCKET_PORT', 3002),
    awsPort: port(flags, 'aws-port', env, 'HARBOR_AWS_PORT', 4566),
    dynamodbPort: port(flags, 'dynamodb-port', env, 'HARBOR_DYNAMODB_PORT', 8000),
    dataDir: inMemory ? undefined : (flags['data-dir'] ?? env.HARBOR_DATA_DIR ?? `${workspaceRoot}/.data/dynamodb`),
    fresh: flags.fresh === true,
    accessLog: flags.quiet !== true && env.HARBOR_QUIET !== 'true',
    secretsFile:
      flags['secrets-file'] ??
      env.HARBOR_SECRETS_FILE ??
      (inMemory || otherDataDir ? undefined : `${workspaceRoot}/.data/secrets.json`),
    hotReload: flags['no-reload'] !== true && env.HARBOR_HOT_RELOAD !== 'false',
    region: env.AWS_REGION ?? 'eu-west-1',
    accountId: env.HARBOR_ACCOUNT_ID ?? '000000000000',
    env: env.HARBOR_ENV ?? 'local',
    apiKey: apiKey(env.HARBOR_API_KEY),
    faults: faults(flags.faults ?? env.HARBOR_FAULTS),
    schedulerSpeed: schedulerSpeed(flags, env),
  };
}
