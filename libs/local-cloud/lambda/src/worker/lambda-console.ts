import { format } from 'node:util';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';

const LEVELS: Readonly<Record<ConsoleMethod, string>> = {
  log: 'INFO',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  debug: 'DEBUG',
  trace: 'TRACE',
};

/**
 * Prints `console.*` the way Lambda's Node.js runtime does in its text log format:
 * `<ISO time>\t<request id>\t<LEVEL>\t<message>` (`undefined` as request id outside an invocation).
 * Loggers that write to stdout themselves (Powertools) are left alone, as in Lambda.
 */
export function installLambdaConsole(currentRequestId: () => string | undefined): void {
  for (const method of Object.keys(LEVELS) as ConsoleMethod[]) {
    const level = LEVELS[method];
    console[method] = (...args: unknown[]): void => {
      process.stdout.write(
        `${new Date().toISOString()}\t${currentRequestId() ?? 'undefined'}\t${level}\t${format(...args)}\n`,
      );
    };
  }
}
