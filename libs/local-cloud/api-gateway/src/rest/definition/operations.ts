import {
  checkDocument as checkOpenApiDocument,
  checkOperation,
  methodOfKey,
  pathItems,
  unsupported,
  type JsonRecord,
} from '../../core';

export interface OperationEntry {
  readonly resourcePath: string;
  /** Upper-case; `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  readonly pathItem: JsonRecord;
  readonly operation: JsonRecord;
}

const OPERATION_EXTENSIONS = new Set([
  'x-amazon-apigateway-integration',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-auth',
]);

/** Every operation of `paths`, checked for API Gateway extensions the emulator does not know. */
export const listOperations = (document: JsonRecord, file: string): OperationEntry[] => {
  const entries: OperationEntry[] = [];
  for (const [resourcePath, pathItem] of pathItems(document, file)) {
    if (pathItem['$ref'] !== undefined) {
      throw unsupported({ file, route: resourcePath }, 'path item $ref', 'not emulated');
    }
    for (const [key, value] of Object.entries(pathItem)) {
      const notSupported = 'not supported by API Gateway REST APIs or not emulated';
      const method = methodOfKey(key, { file, route: resourcePath }, notSupported);
      if (!method) continue;
      const location = { file, route: `${method} ${resourcePath}` };
      const operation = checkOperation(value, location, OPERATION_EXTENSIONS, 'not emulated');
      entries.push({ resourcePath, method, pathItem, operation });
    }
  }
  return entries;
};

const DOCUMENT_EXTENSIONS = {
  emulated: new Set([
    'x-amazon-apigateway-request-validators',
    'x-amazon-apigateway-request-validator',
    'x-amazon-apigateway-gateway-responses',
    'x-amazon-apigateway-binary-media-types',
    'x-amazon-apigateway-api-key-source',
  ]),
  ignored: new Set([
    'x-amazon-apigateway-endpoint-configuration',
    'x-amazon-apigateway-documentation',
    'x-amazon-apigateway-importexport-version',
    'x-amazon-apigateway-tag-value',
  ]),
  notEmulated: (key: string): string =>
    key === 'x-amazon-apigateway-policy' ? 'resource policies are not emulated' : 'not emulated in REST APIs',
};

/** OpenAPI 3 only, and only document-level extensions the emulator implements (or that change nothing locally). */
export const checkDocument = (document: JsonRecord, file: string): void =>
  checkOpenApiDocument(document, file, DOCUMENT_EXTENSIONS);
