import type { ConsoleResponse } from '../static-console';
import { InvalidConsoleRequest } from '../errors';

export const consoleJson = (status: number, value: unknown, headers: Record<string, string> = {}): ConsoleResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

/** An RFC 9457 problem with the console's stable `code`, as the local cloud's other /_local endpoints answer. */
export const consoleProblem = (status: number, title: string, detail: string, code: string): ConsoleResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title, status, detail, code }),
});

export function jsonBodyOf(request: { readonly body: Buffer }): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    throw new InvalidConsoleRequest('the body is not JSON');
  }
}

/** The table name of a tables path, percent-decoded; refused when its escapes are not UTF-8 (`%E0%A4%A`, a lone `%`). */
export function tableNameIn(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidConsoleRequest(`the table name in ${path} is not percent-encoded UTF-8`);
  }
}
