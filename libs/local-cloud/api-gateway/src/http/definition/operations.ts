import {
  checkDocument as checkOpenApiDocument,
  checkOperation,
  invalidDefinition,
  methodOfKey,
  pathItems,
  type JsonRecord,
} from '../../core';

export interface OperationEntry {
  /** `GET /orders/{orderId}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  /** Upper-case, `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  /** Undefined for the `$default` route. */
  readonly path: string | undefined;
  readonly operation: JsonRecord;
}

const OPERATION_EXTENSIONS = new Set(['x-amazon-apigateway-integration']);
// Exported HTTP APIs write the catch-all route as the path `/$default` (some tools write `$default`).
const DEFAULT_PATHS = new Set(['/$default', '$default']);

/** Every route of `paths`, checked for extensions the emulator does not know. */
export const listOperations = (document: JsonRecord, file: string): OperationEntry[] => {
  const entries: OperationEntry[] = [];
  for (const [path, item] of pathItems(document, file, (candidate) => DEFAULT_PATHS.has(candidate))) {
    const isDefault = DEFAULT_PATHS.has(path);
    for (const [key, value] of Object.entries(item)) {
      const method = methodOfKey(key, { file, route: path }, 'not supported by HTTP APIs or not emulated');
      if (!method) continue;
      const routeKey = isDefault ? '$default' : `${method} ${path}`;
      if (isDefault && method !== 'ANY') {
        const detail = 'the $default route takes x-amazon-apigateway-any-method only';
        throw invalidDefinition({ file, route: routeKey }, `${key} on $default`, detail);
      }
      const location = { file, route: routeKey };
      const operation = checkOperation(value, location, OPERATION_EXTENSIONS, 'not emulated for HTTP APIs');
      entries.push({ routeKey, method, path: isDefault ? undefined : path, operation });
    }
  }
  return entries;
};

const DOCUMENT_EXTENSIONS = {
  emulated: new Set(['x-amazon-apigateway-integrations', 'x-amazon-apigateway-cors']),
  ignored: new Set([
    'x-amazon-apigateway-importexport-version',
    'x-amazon-apigateway-tag-value',
    'x-amazon-apigateway-disable-execute-api-endpoint',
  ]),
  notEmulated: (): string => 'not emulated for HTTP APIs',
};

/** OpenAPI 3 only, and only document-level extensions that are emulated or change nothing locally. */
export const checkDocument = (document: JsonRecord, file: string): void =>
  checkOpenApiDocument(document, file, DOCUMENT_EXTENSIONS);
