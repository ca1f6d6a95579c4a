import { StartupError } from '@harbor/platform-service-definitions';
import { parseArgs } from 'node:util';

/** One option of `npm start`: its flag, the HARBOR_* variable it falls back to, and its help line. */
interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly env?: string;
  readonly value?: string;
  readonly help: string;
}

/** Every option `npm start -- …` takes; a flag wins over its variable, which wins over the default. */
export const OPTIONS = {
  'rest-port': {
    type: 'string',
    env: 'HARBOR_REST_PORT',
    value: 'port',
    help: 'REST APIs (v1) (default 3000; 0 picks a free port)',
  },
  'http-api-port': {
    type: 'string',
    env: 'HARBOR_HTTP_API_PORT',
    value: 'port',
    help: 'HTTP APIs (v2) (default 3001)',
  },
  'websocket-port': {
    type: 'string',
    env: 'HARBOR_WEBSOCKET_PORT',
    value: 'port',
    help: 'WebSocket APIs (default 3002)',
  },
  'aws-port': {
    type: 'string',
    env: 'HARBOR_AWS_PORT',
    value: 'port',
    help: 'AWS endpoint, /_local and the console (default 4566)',
  },
  'dynamodb-port': {
    type: 'string',
    env: 'HARBOR_DYNAMODB_PORT',
    value: 'port',
    help: 'DynamoDB Local (default 8000)',
  },
  host: {
    type: 'string',
    env: 'HARBOR_HOST',
    value: 'address',
    help: 'address every listener binds (default 127.0.0.1)',
  },
  'allowed-hosts': {
    type: 'string',
    env: 'HARBOR_ALLOWED_HOSTS',
    value: 'names',
    help: 'host names answered besides loopback ones, comma-separated (.name: subdomains too)',
  },
  'data-dir': {
    type: 'string',
    env: 'HARBOR_DATA_DIR',
    value: 'dir',
    help: 'where tables, dead letters and keys are kept (default .data/dynamodb)',
  },
  'in-memory': { type: 'boolean', env: 'HARBOR_IN_MEMORY=true', help: 'keep nothing on disk' },
  fresh: { type: 'boolean', help: 'wipe the data directory first' },
  'secrets-file': {
    type: 'string',
    env: 'HARBOR_SECRETS_FILE',
    value: 'file',
    help: 'JSON of secret name -> value over the declared local values (default .data/secrets.json)',
  },
  'no-reload': { type: 'boolean', env: 'HARBOR_HOT_RELOAD=false', help: 'turn off hot reload of edited handlers' },
  quiet: {
    type: 'boolean',
    env: 'HARBOR_QUIET=true',
    help: 'print no line per request and invocation (function logs still print)',
  },
  faults: {
    type: 'string',
    env: 'HARBOR_FAULTS',
    value: 'json',
    help: 'faults injected from the start (the JSON PUT /_local/faults takes)',
  },
  'scheduler-speed': {
    type: 'string',
    env: 'HARBOR_SCHEDULER_SPEED',
    value: 'factor',
    help: 'how many times faster than real time schedules come due (default 1; 60: 15 minutes in 15 s)',
  },
  help: { type: 'boolean', help: 'print this help and exit' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
export type CommandLine = {
  readonly [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** A flag `npm start` does not know, or one without its value. */
export class CommandLineError extends StartupError {
  constructor(message: string) {
    super(message, { feature: 'command line' });
  }
}

/** The flags given, strictly: an unknown flag or a missing value is an error naming it, never ignored. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const options = Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, { type: spec.type }]));
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as CommandLine;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new CommandLineError(`unknown option ${unknown[1]} (npm start -- --help lists the options)`);
    throw new CommandLineError(`${message.split('\n')[0]} (npm start -- --help lists the options)`);
  }
}

/** What `npm start -- --help` prints. */
export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, spec]: [string, OptionSpec]) => {
    const flag = `--${name}${spec.value ? ` <${spec.value}>` : ''}`;
    return `  ${flag.padEnd(24)} ${spec.help}${spec.env ? ` [${spec.env}]` : ''}`;
  });
  return [
    'Usage: npm start -- [options]',
    '',
    'Runs the whole system on this machine: API Gateway, Lambda, SNS, EventBridge and DynamoDB Local.',
    'Each option falls back to the variable in brackets; a .env file in the workspace root is read first.',
    '',
    ...rows,
    '',
  ].join('\n');
}
