import {
  functionIdFromUri,
  invalidDefinition,
  isRecord,
  recordOrEmpty,
  stringOrUndefined,
  unknownFunction,
  unsupported,
  type DefinitionLocation,
  type JsonRecord,
} from '../../core';
import type { Invoker } from '@harbor/local-cloud-lambda';

export interface CompiledIntegration {
  readonly functionId: string;
  readonly timeoutMs: number;
  /** The event the function receives and how its answer is read. */
  readonly payloadFormatVersion: '1.0' | '2.0';
}

/** HTTP APIs' default and maximum integration timeout (the minimum is 50 ms). */
export const MAX_TIMEOUT_MS = 30_000;

const lookupReference = (document: JsonRecord, value: unknown, location: DefinitionLocation): JsonRecord => {
  if (!isRecord(value) || typeof value['$ref'] !== 'string') return recordOrEmpty(value);
  const match = /^#\/components\/x-amazon-apigateway-integrations\/([^/]+)$/.exec(value['$ref']);
  if (!match)
    throw unsupported(
      location,
      `$ref ${value['$ref']}`,
      'an integration can only refer to #/components/x-amazon-apigateway-integrations/<name>',
    );
  const target = recordOrEmpty(recordOrEmpty(document['components'])['x-amazon-apigateway-integrations'])[match[1]];
  if (!isRecord(target)) throw invalidDefinition(location, `$ref ${value['$ref']}`, 'points nowhere');
  return target;
};

/** A route's `x-amazon-apigateway-integration`: Lambda proxy with payload format 1.0 or 2.0 is emulated. */
export const compileIntegration = (
  document: JsonRecord,
  operation: JsonRecord,
  invoker: Invoker,
  location: DefinitionLocation,
): CompiledIntegration => {
  if (operation['x-amazon-apigateway-integration'] === undefined)
    throw invalidDefinition(location, 'x-amazon-apigateway-integration', 'every route needs an integration');
  const integration = lookupReference(document, operation['x-amazon-apigateway-integration'], location);
  const type = stringOrUndefined(integration['type'])?.toLowerCase();
  if (type !== 'aws_proxy')
    throw unsupported(
      location,
      `integration type ${String(integration['type'])}`,
      'HTTP API routes are emulated with aws_proxy (Lambda) integrations only',
    );
  const version = String(integration['payloadFormatVersion'] ?? '');
  if (version !== '2.0' && version !== '1.0')
    throw invalidDefinition(
      location,
      `payloadFormatVersion ${version || '(missing)'}`,
      "a Lambda integration of an HTTP API takes payload format '1.0' or '2.0'",
    );
  const uri = stringOrUndefined(integration['uri']);
  if (!uri)
    throw invalidDefinition(location, 'x-amazon-apigateway-integration.uri', 'a Lambda integration needs a uri');
  const functionId = functionIdFromUri(uri);
  if (!invoker.has(functionId)) throw unknownFunction(location, 'aws_proxy integration', functionId);
  const timeoutMs =
    integration['timeoutInMillis'] === undefined ? MAX_TIMEOUT_MS : Number(integration['timeoutInMillis']);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > MAX_TIMEOUT_MS) {
    throw invalidDefinition(
      location,
      'timeoutInMillis',
      `${String(integration['timeoutInMillis'])} is not an integer from 50 to ${MAX_TIMEOUT_MS}`,
    );
  }
  return { functionId, timeoutMs, payloadFormatVersion: version };
};
