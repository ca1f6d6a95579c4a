import { decodeOrKeep } from '../../core';

export interface V1Query {
  /** The last value of each name, as payload 1.0's `queryStringParameters`. */
  readonly single: Record<string, string>;
  /** Every value of each name in order, as `multiValueQueryStringParameters`. */
  readonly multi: Record<string, string[]>;
}

/** The query string as payload 1.0 reports it: names and values URL-decoded, a name without `=` the empty value. */
export const readV1Query = (rawQueryString: string): V1Query => {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const pair of rawQueryString.split('&')) {
    if (pair.length === 0) continue;
    const equals = pair.indexOf('=');
    const name = decodeOrKeep(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeOrKeep(pair.slice(equals + 1));
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { single, multi };
};
