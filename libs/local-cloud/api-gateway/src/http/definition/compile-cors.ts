import { invalidDefinition, isRecord, unsupported, type JsonRecord } from '../../core';

/**
 * An HTTP API's CORS configuration (`x-amazon-apigateway-cors`, the API's `Cors` object:
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html#apis-apiid-model-cors).
 * Header names are kept lower-case: browsers compare them case-insensitively.
 */
export interface CorsConfiguration {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number | undefined;
  readonly allowCredentials: boolean;
}

const EXTENSION = 'x-amazon-apigateway-cors';
const KEYS = new Set(['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'allowCredentials']);
const METHODS = new Set(['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** An origin is `*`, or a scheme and host with an optional port, as a browser sends it in `Origin`. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;
const HEADER = /^(\*|[A-Za-z0-9!#$%&'*+.^_`|~-]+)$/;

function strings(cors: JsonRecord, key: string, file: string, valid: (value: string) => boolean): string[] {
  const value = cors[key] ?? [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !valid(item))) {
    throw invalidDefinition(
      { file },
      `${EXTENSION}.${key}`,
      `must be a list of ${key === 'allowOrigins' ? 'origins (https://host[:port], or *)' : key === 'allowMethods' ? 'HTTP methods (or *)' : 'header names (or *)'}`,
    );
  }
  return value as string[];
}

/** The document's CORS configuration, checked as API Gateway checks it on import; undefined when there is none. */
export function compileCors(document: JsonRecord, file: string): CorsConfiguration | undefined {
  const cors = document[EXTENSION];
  if (cors === undefined) return undefined;
  if (!isRecord(cors)) throw invalidDefinition({ file }, EXTENSION, 'must be an object');
  for (const key of Object.keys(cors))
    if (!KEYS.has(key))
      throw invalidDefinition({ file }, `${EXTENSION}.${key}`, `is not a CORS setting (${[...KEYS].join(', ')})`);
  const wildcard = (Array.isArray(cors['allowOrigins']) ? (cors['allowOrigins'] as unknown[]) : []).find(
    (origin) => typeof origin === 'string' && origin !== '*' && origin.includes('*'),
  );
  if (typeof wildcard === 'string')
    throw unsupported(
      { file },
      `${EXTENSION}.allowOrigins ${wildcard}`,
      'wildcard origins other than * are not emulated',
    );
  const allowOrigins = strings(cors, 'allowOrigins', file, (origin) => origin === '*' || ORIGIN.test(origin));
  const allowCredentials = cors['allowCredentials'] ?? false;
  if (typeof allowCredentials !== 'boolean')
    throw invalidDefinition({ file }, `${EXTENSION}.allowCredentials`, 'must be true or false');
  // Browsers refuse credentials with `Access-Control-Allow-Origin: *`, and API Gateway refuses the configuration.
  if (allowCredentials && allowOrigins.includes('*'))
    throw invalidDefinition({ file }, `${EXTENSION}.allowCredentials`, 'cannot be true when allowOrigins includes *');
  const maxAge = cors['maxAge'];
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || (maxAge as number) < -1 || (maxAge as number) > 86_400)) {
    throw invalidDefinition({ file }, `${EXTENSION}.maxAge`, 'must be a whole number of seconds from -1 to 86400');
  }
  return {
    allowOrigins,
    allowMethods: strings(cors, 'allowMethods', file, (method) => METHODS.has(method.toUpperCase())).map((method) =>
      method.toUpperCase(),
    ),
    allowHeaders: strings(cors, 'allowHeaders', file, (header) => HEADER.test(header)).map((header) =>
      header.toLowerCase(),
    ),
    exposeHeaders: strings(cors, 'exposeHeaders', file, (header) => HEADER.test(header)).map((header) =>
      header.toLowerCase(),
    ),
    maxAge: maxAge as number | undefined,
    allowCredentials,
  };
}
