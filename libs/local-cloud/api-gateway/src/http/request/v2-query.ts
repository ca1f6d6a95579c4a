import { decodeOrKeep } from '../../core';

/**
 * `queryStringParameters` of payload 2.0: names and values URL-decoded, a name without `=` has the empty
 * value, repeated names comma-joined in order. `undefined` when the query string is empty (the field is absent).
 */
export const readV2Query = (rawQueryString: string): Record<string, string> | undefined => {
  if (rawQueryString.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const pair of rawQueryString.split('&')) {
    if (pair.length === 0) continue;
    const equals = pair.indexOf('=');
    const name = decodeOrKeep(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeOrKeep(pair.slice(equals + 1));
    result[name] = result[name] === undefined ? value : `${result[name]},${value}`;
  }
  return Object.keys(result).length === 0 ? undefined : result;
};
