import { invalidDefinition, unsupported } from '../errors';
import { isRecord, recordOrEmpty, type JsonRecord } from './json-values';

export interface OperationEntry {
  /** `GET /orders/{orderId}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  /** Upper-case, `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  /** Undefined for the `$default` route. */
  readonly path: string | undefined;
  readonly operation: JsonRecord;
}

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
const OPERATION_EXTENSIONS = new Set(['x-amazon-apigateway-integration']);
// Exported HTTP APIs write the catch-all route as the path `/$default` (some tools write `$default`).
const DEFAULT_PATHS = new Set(['/$default', '$default']);

/** Every route of `paths`, checked for extensions the emulator does not know. */
export const listOperations = (document: JsonRecord, file: string): OperationEntry[] => {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(recordOrEmpty(document['paths']))) {
    const isDefault = DEFAULT_PATHS.has(path);
    if (!isDefault && !path.startsWith('/')) throw invalidDefinition({ file, route: path }, 'paths', 'a path must start with /');
    if (!isRecord(item)) throw invalidDefinition({ file, route: path }, 'paths', 'a path item must be an object');
    for (const [key, operation] of Object.entries(item)) {
      const method = METHODS[key];
      if (!method) {
        if (PATH_ITEM_KEYS.has(key) || (key.startsWith('x-') && !key.startsWith('x-amazon-apigateway-'))) continue;
        throw unsupported({ file, route: path }, key.startsWith('x-') ? key : `method ${key.toUpperCase()}`, 'not supported by HTTP APIs or not emulated');
      }
      const routeKey = isDefault ? '$default' : `${method} ${path}`;
      if (isDefault && method !== 'ANY') throw invalidDefinition({ file, route: routeKey }, `${key} on $default`, 'the $default route takes x-amazon-apigateway-any-method only');
      if (!isRecord(operation)) throw invalidDefinition({ file, route: routeKey }, 'operation', 'must be an object');
      for (const extension of Object.keys(operation)) {
        if (extension.startsWith('x-amazon-apigateway-') && !OPERATION_EXTENSIONS.has(extension)) throw unsupported({ file, route: routeKey }, extension, 'not emulated for HTTP APIs');
      }
      entries.push({ routeKey, method, path: isDefault ? undefined : path, operation });
    }
  }
  return entries;
};

const IGNORED_DOCUMENT_EXTENSIONS = new Set(['x-amazon-apigateway-importexport-version', 'x-amazon-apigateway-tag-value', 'x-amazon-apigateway-disable-execute-api-endpoint']);
const DOCUMENT_EXTENSIONS = new Set(['x-amazon-apigateway-integrations', 'x-amazon-apigateway-cors']);

/** OpenAPI 3 only, and only document-level extensions that are emulated or change nothing locally. */
export const checkDocument = (document: JsonRecord, file: string): void => {
  if (document['swagger'] !== undefined) throw unsupported({ file }, 'Swagger 2.0', 'only OpenAPI 3 documents are emulated');
  if (typeof document['openapi'] !== 'string' || !document['openapi'].startsWith('3.')) throw invalidDefinition({ file }, 'openapi', 'the document must declare openapi: 3.x');
  for (const key of Object.keys(document)) {
    if (!key.startsWith('x-amazon-apigateway-') || DOCUMENT_EXTENSIONS.has(key) || IGNORED_DOCUMENT_EXTENSIONS.has(key)) continue;
    throw unsupported({ file }, key, 'not emulated for HTTP APIs');
  }
};
