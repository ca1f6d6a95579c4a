import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type JsonSchemaNode = { [key: string]: unknown };

/** The orders REST API definition as checked in: the document API Gateway validates requests against. */
export function loadOrdersOpenApi(): JsonSchemaNode {
  const file = join(__dirname, '..', '..', '..', 'apps', 'orders', 'api', 'openapi.yaml');
  return parse(readFileSync(file, 'utf8')) as JsonSchemaNode;
}

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces every local `$ref` (`#/components/schemas/X`) with a resolved copy of its target. */
export function resolveRefs(node: unknown, document: JsonSchemaNode, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, document, seen));
  if (!isNode(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    if (seen.includes(ref)) throw new Error(`Circular $ref ${ref}`);
    return resolveRefs(pointer(document, ref), document, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, document, seen)]));
}

function pointer(document: JsonSchemaNode, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => {
      if (!isNode(node) || !(key in node)) throw new Error(`Unresolvable $ref ${ref} (no "${key}")`);
      return node[key];
    }, document);
}

export function componentSchema(document: JsonSchemaNode, name: string): unknown {
  return resolveRefs({ $ref: `#/components/schemas/${name}` }, document);
}
