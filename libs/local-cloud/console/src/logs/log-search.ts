import { InvalidConsoleRequest } from '../errors';
import type { LogQuery } from './log-book';

export const MAX_SEARCH_CHARS = 200;
export const DEFAULT_SEARCH_LIMIT = 200;
export const MAX_SEARCH_LIMIT = 2000;

/**
 * `GET /_local/logs` filters: `correlationId`, `functionId`, and the cross-function search `q` (case-insensitive
 * text, at most 200 characters) with `limit` (default 200 with `q`, at most 2,000): the newest matching lines.
 */
export function logQueryOf(query: URLSearchParams): LogQuery {
  const correlationId = query.get('correlationId') ?? undefined;
  const functionId = query.get('functionId') ?? undefined;
  const text = query.get('q') ?? undefined;
  if (text !== undefined && (text.length === 0 || text.length > MAX_SEARCH_CHARS))
    throw new InvalidConsoleRequest(`q must be 1 to ${MAX_SEARCH_CHARS} characters, got ${text.length}`);
  const rawLimit = query.get('limit');
  let limit: number | undefined = text === undefined ? undefined : DEFAULT_SEARCH_LIMIT;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT)
      throw new InvalidConsoleRequest(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${rawLimit}`);
  }
  return {
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(functionId === undefined ? {} : { functionId }),
    ...(text === undefined ? {} : { text }),
    ...(limit === undefined ? {} : { limit }),
  };
}
