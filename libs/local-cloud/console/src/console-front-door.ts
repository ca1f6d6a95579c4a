import { join } from 'node:path';
import { CONSOLE_BUILD_DIR, staticConsole, type ConsoleRequest, type ConsoleResponse } from './static-console';
import { tryItRelay, type RelayRequest } from './try-it-relay';

export interface ConsoleFrontDoorOptions {
  readonly workspaceRoot: string;
  /** The local cloud's API origins the "try it" form may call (REST API, HTTP API). */
  readonly apiOrigins: readonly string[];
}

/**
 * Puts the web console in front of the AWS endpoint's handler: its page and files, and the "try it" relay.
 * Every other request (the AWS wire protocols, /_local/*) goes to `next` untouched.
 */
export function withConsole<Request extends ConsoleRequest & RelayRequest, Response>(
  next: (request: Request) => Promise<Response>,
  options: ConsoleFrontDoorOptions,
): (request: Request) => Promise<Response | ConsoleResponse> {
  const files = staticConsole({ assetsDir: join(options.workspaceRoot, CONSOLE_BUILD_DIR) });
  const relay = tryItRelay({ allowedOrigins: () => options.apiOrigins });
  return async function handleWithConsole(request) {
    return (await files(request)) ?? (await relay(request)) ?? next(request);
  };
}
