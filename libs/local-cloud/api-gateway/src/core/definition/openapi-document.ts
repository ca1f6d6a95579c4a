import { invalidDefinition, unsupported, type DefinitionLocation } from './definition-error';
import { isRecord, recordOrEmpty, type JsonRecord } from './json-values';

/** OpenAPI's operation keys, upper-cased as API Gateway names methods; `ANY` for its any-method extension. */
const METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};
const PATH_ITEM_KEYS = new Set(['summary', 'description', 'parameters', 'servers']);

/**
 * Every entry of `paths` whose item is an object, in order. `isSpecialPath` lets a path not starting with `/`
 * through (the HTTP API's `$default`).
 */
export const pathItems = (
  document: JsonRecord,
  file: string,
  isSpecialPath: (path: string) => boolean = () => false,
): Array<[path: string, item: JsonRecord]> =>
  Object.entries(recordOrEmpty(document['paths'])).map(([path, item]) => {
    if (!isSpecialPath(path) && !path.startsWith('/')) {
      throw invalidDefinition({ file, route: path }, 'paths', 'a path must start with /');
    }
    if (!isRecord(item)) throw invalidDefinition({ file, route: path }, 'paths', 'a path item must be an object');
    return [path, item];
  });

/**
 * The method a path item key names, `undefined` for a key that is not an operation and changes nothing
 * (a summary, a vendor extension of another tool); anything else of API Gateway's stops start-up.
 */
export const methodOfKey = (key: string, location: DefinitionLocation, notSupported: string): string | undefined => {
  const method = METHODS[key];
  if (method) return method;
  if (PATH_ITEM_KEYS.has(key) || (key.startsWith('x-') && !key.startsWith('x-amazon-apigateway-'))) return undefined;
  throw unsupported(location, key.startsWith('x-') ? key : `method ${key.toUpperCase()}`, notSupported);
};

/** An operation must be an object and use only the API Gateway extensions its API type emulates. */
export const checkOperation = (
  operation: unknown,
  location: DefinitionLocation,
  emulated: ReadonlySet<string>,
  notEmulated: string,
): JsonRecord => {
  if (!isRecord(operation)) throw invalidDefinition(location, 'operation', 'must be an object');
  for (const extension of Object.keys(operation)) {
    if (extension.startsWith('x-amazon-apigateway-') && !emulated.has(extension)) {
      throw unsupported(location, extension, notEmulated);
    }
  }
  return operation;
};

export interface DocumentExtensions {
  /** Document-level extensions the API type emulates. */
  readonly emulated: ReadonlySet<string>;
  /** Those that change nothing locally (documentation, tags...). */
  readonly ignored: ReadonlySet<string>;
  /** The detail of the start-up error for any other. */
  readonly notEmulated: (extension: string) => string;
}

/** The document must be OpenAPI 3 and use only document-level extensions that are emulated or change nothing. */
export const checkDocument = (document: JsonRecord, file: string, extensions: DocumentExtensions): void => {
  if (document['swagger'] !== undefined) {
    throw unsupported({ file }, 'Swagger 2.0', 'only OpenAPI 3 documents are emulated');
  }
  if (typeof document['openapi'] !== 'string' || !document['openapi'].startsWith('3.')) {
    throw invalidDefinition({ file }, 'openapi', 'the document must declare openapi: 3.x');
  }
  for (const key of Object.keys(document)) {
    if (!key.startsWith('x-amazon-apigateway-')) continue;
    if (extensions.emulated.has(key) || extensions.ignored.has(key)) continue;
    throw unsupported({ file }, key, extensions.notEmulated(key));
  }
};
