import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JsonSchemaNode } from './openapi-document';

/** One of a service's API definitions as checked in (`apps/<service>/api/<file>`). */
export function loadApiDocument(service: string, file: string): JsonSchemaNode {
  return parse(readFileSync(join(__dirname, '..', '..', '..', 'apps', service, 'api', file), 'utf8')) as JsonSchemaNode;
}
