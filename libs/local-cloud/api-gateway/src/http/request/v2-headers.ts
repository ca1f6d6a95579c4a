export interface V2Headers {
  /** Lower-cased names, repeated headers joined with `,`; the `cookie` header is left out (see `cookies`). */
  readonly headers: Record<string, string>;
  /** Every cookie of every `Cookie` header, in order, as payload 2.0 lists them. */
  readonly cookies: string[];
  /** Lower-cased names, each value as sent, `cookie` included: payload 1.0's `multiValueHeaders`. */
  readonly multiValueHeaders: Record<string, string[]>;
}

/**
 * Request headers as an HTTP API hands them to a 2.0 integration: names lower-cased, duplicates comma-joined,
 * cookies moved to their own list. Reads node's `rawHeaders` so repeated headers are seen one by one.
 */
export const readV2Headers = (
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  rawHeaders: readonly string[] | undefined,
): V2Headers => {
  const pairs: [string, string][] = [];
  if (rawHeaders && rawHeaders.length > 0) {
    for (let index = 0; index + 1 < rawHeaders.length; index += 2)
      pairs.push([rawHeaders[index].toLowerCase(), rawHeaders[index + 1]]);
  } else {
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const single of typeof value === 'string' ? [value] : value) pairs.push([name.toLowerCase(), single]);
    }
  }
  const result: Record<string, string> = {};
  const cookies: string[] = [];
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    (multiValueHeaders[name] ??= []).push(value);
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter((cookie) => cookie.length > 0),
      );
      continue;
    }
    result[name] = result[name] === undefined ? value : `${result[name]},${value}`;
  }
  return { headers: result, cookies, multiValueHeaders };
};
