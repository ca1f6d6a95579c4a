import { StartupError } from '@harbor/platform-service-definitions';
import type { LocalCloudConfig } from './config';

/** Each listener's port, with the flag and variable that move it. */
function portSettings(config: LocalCloudConfig): { port: number; flag: string; env: string; what: string }[] {
  return [
    { port: config.restPort, flag: '--rest-port', env: 'HARBOR_REST_PORT', what: 'REST APIs' },
    { port: config.httpApiPort, flag: '--http-api-port', env: 'HARBOR_HTTP_API_PORT', what: 'HTTP APIs' },
    { port: config.websocketPort, flag: '--websocket-port', env: 'HARBOR_WEBSOCKET_PORT', what: 'WebSocket APIs' },
    { port: config.awsPort, flag: '--aws-port', env: 'HARBOR_AWS_PORT', what: 'AWS endpoint' },
    { port: config.dynamodbPort, flag: '--dynamodb-port', env: 'HARBOR_DYNAMODB_PORT', what: 'DynamoDB Local' },
  ];
}

const LOCALSTACK_PORT = 4566;

/**
 * Why the local cloud did not start, in a user's terms: a port in use names the listener and the flag or
 * variable that moves it (4566 is LocalStack's port too, so a clash there says so); a start-up error its place
 * and message; anything else as it is. Without a config (the settings themselves were wrong) no port is named.
 */
export function explainStartFailure(error: unknown, config?: LocalCloudConfig): string {
  const clash = config === undefined ? undefined : portInUse(error, config);
  if (clash !== undefined) return clash;
  if (error instanceof StartupError) return startupErrorText(error);
  return error instanceof Error ? error.message : String(error);
}

/** `file:line (feature): message`; the place is left out when the message opens with its file already. */
function startupErrorText(error: StartupError): string {
  if (error.file === undefined || error.message.startsWith(error.file)) return error.message;
  return `${error.place}: ${error.message}`;
}

function portInUse(error: unknown, config: LocalCloudConfig): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const listenPort = (error as { port?: unknown } | undefined)?.port;
  const jvmClash = /Address already in use|BindException/.test(message);
  const port =
    code === 'EADDRINUSE' && typeof listenPort === 'number' ? listenPort : jvmClash ? config.dynamodbPort : undefined;
  const setting = port === undefined ? undefined : portSettings(config).find((candidate) => candidate.port === port);
  if (!setting) return undefined;
  const localstack = port === LOCALSTACK_PORT ? " (4566 is also LocalStack's port: is LocalStack running?)" : '';
  const move = `choose another with ${setting.flag} <port> or ${setting.env}=<port> (0 picks a free one)`;
  return `port ${port} (${setting.what}) is in use${localstack}; ${move}`;
}
