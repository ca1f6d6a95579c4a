import { invalidDefinition, unsupported } from '../errors';
import { isRecord, recordOrEmpty, type JsonRecord } from './json-values';

export interface OperationEntry {
  readonly resourcePath: string;
  /** Upper-case; `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  readonly pathItem: JsonRecord;
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
const OPERATION_EXTENSIONS = new Set(['x-amazon-apigateway-integration', 'x-amazon-apigateway-request-validator', 'x-amazon-apigateway-auth']);

/** Every operation of `paths`, checked for API Gateway extensions the emulator does not know. */
export const listOperations = (document: JsonRecord, file: string): OperationEntry[] => {
  const entries: OperationEntry[] = [];
  for (const [resourcePath, rawItem] of Object.entries(recordOrEmpty(document['paths']))) {
    if (!resourcePath.startsWith('/')) throw invalidDefinition({ file, route: resourcePath }, 'paths', 'a path must start with /');
    if (!isRecord(rawItem)) throw invalidDefinition({ file, route: resourcePath }, 'paths', 'a path item must be an object');
    if (rawItem['$ref'] !== undefined) throw unsupported({ file, route: resourcePath }, 'path item $ref', 'not emulated');
    for (const [key, operation] of Object.entries(rawItem)) {
      const method = METHODS[key];
      if (!method) {
        if (PATH_ITEM_KEYS.has(key) || (key.startsWith('x-') && !key.startsWith('x-amazon-apigateway-'))) continue;
        throw unsupported({ file, route: resourcePath }, key.startsWith('x-') ? key : `method ${key.toUpperCase()}`, 'not supported by API Gateway REST APIs or not emulated');
      }
      if (!isRecord(operation)) throw invalidDefinition({ file, route: `${method} ${resourcePath}` }, 'operation', 'must be an object');
      for (const extension of Object.keys(operation)) {
        if (extension.startsWith('x-amazon-apigateway-') && !OPERATION_EXTENSIONS.has(extension)) {
          throw unsupported({ file, route: `${method} ${resourcePath}` }, extension, 'not emulated');
        }
      }
      entries.push({ resourcePath, method, pathItem: rawItem, operation });
    }
  }
  return entries;
};

const IGNORED_DOCUMENT_EXTENSIONS = new Set([
  'x-amazon-apigateway-endpoint-configuration',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-importexport-version',
  'x-amazon-apigateway-tag-value',
]);
const DOCUMENT_EXTENSIONS = new Set([
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-api-key-source',
]);

/** The document must be OpenAPI 3 and use only document-level extensions the emulator implements (or that change nothing locally). */
export const checkDocument = (document: JsonRecord, file: string): void => {
  if (document['swagger'] !== undefined) throw unsupported({ file }, 'Swagger 2.0', 'only OpenAPI 3 documents are emulated');
  if (typeof document['openapi'] !== 'string' || !document['openapi'].startsWith('3.')) {
    throw invalidDefinition({ file }, 'openapi', 'the document must declare openapi: 3.x');
  }
  for (const key of Object.keys(document)) {
    if (!key.startsWith('x-amazon-apigateway-') || DOCUMENT_EXTENSIONS.has(key) || IGNORED_DOCUMENT_EXTENSIONS.has(key)) continue;
    throw unsupported({ file }, key, key === 'x-amazon-apigateway-policy' ? 'resource policies are not emulated' : 'not emulated in REST APIs');
  }
};
