import type { Invoker } from '@harbor/local-cloud-lambda';
import {
  functionIdFromUri,
  invalidDefinition,
  stringOrUndefined,
  unknownFunction,
  unsupported,
  type DefinitionLocation,
  type JsonRecord,
} from '../../core';
import { HttpLambdaAuthorizer } from '../auth/http-lambda-authorizer';
import { parseLambdaIdentitySources } from '../auth/lambda-identity-sources';

/** API Gateway's default and maximum `authorizerResultTtlInSeconds` for HTTP API Lambda authorizers. */
const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 3600;

const SETTINGS = new Set([
  'type',
  'identitySource',
  'authorizerUri',
  'authorizerPayloadFormatVersion',
  'authorizerResultTtlInSeconds',
  'enableSimpleResponses',
]);

/**
 * An `x-amazon-apigateway-authorizer` of type `request`, checked as API Gateway checks it on import
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html): a Lambda
 * `authorizerUri`, `authorizerPayloadFormatVersion` '1.0' or '2.0', `enableSimpleResponses` with 2.0 only,
 * `authorizerResultTtlInSeconds` 0-3600 (300 when unset), identity sources API Gateway can read. Anything else
 * (`authorizerCredentials`, an identity validation expression...) is not emulated and stops start-up.
 */
export const compileLambdaAuthorizer = (
  name: string,
  definition: JsonRecord,
  at: DefinitionLocation,
  invoker: Invoker,
  clock: () => number,
): HttpLambdaAuthorizer => {
  for (const key of Object.keys(definition))
    if (!SETTINGS.has(key))
      throw unsupported(at, `x-amazon-apigateway-authorizer.${key}`, 'not emulated for HTTP API Lambda authorizers');
  const uri = stringOrUndefined(definition['authorizerUri']);
  if (!uri) throw invalidDefinition(at, 'authorizerUri', 'a Lambda authorizer needs the function to call');
  const functionId = functionIdFromUri(uri);
  if (!invoker.has(functionId)) throw unknownFunction(at, 'Lambda authorizer', functionId);
  const version = String(definition['authorizerPayloadFormatVersion'] ?? '');
  if (version !== '1.0' && version !== '2.0')
    throw invalidDefinition(
      at,
      `authorizerPayloadFormatVersion ${version || '(missing)'}`,
      "an HTTP API Lambda authorizer takes '1.0' or '2.0' (quoted)",
    );
  const simpleResponses = definition['enableSimpleResponses'] ?? false;
  if (typeof simpleResponses !== 'boolean')
    throw invalidDefinition(at, 'enableSimpleResponses', 'must be true or false');
  if (simpleResponses && version !== '2.0')
    throw invalidDefinition(at, 'enableSimpleResponses', "simple responses need authorizerPayloadFormatVersion '2.0'");
  const ttl = definition['authorizerResultTtlInSeconds'] ?? DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || (ttl as number) < 0 || (ttl as number) > MAX_TTL_SECONDS)
    throw invalidDefinition(
      at,
      'authorizerResultTtlInSeconds',
      `${String(ttl)} is not a whole number of seconds from 0 to ${MAX_TTL_SECONDS}`,
    );
  const identitySources = parseLambdaIdentitySources(definition['identitySource'], (detail) =>
    invalidDefinition(at, 'identitySource', detail),
  );
  return new HttpLambdaAuthorizer(
    { name, functionId, payloadFormatVersion: version, simpleResponses, identitySources, ttlSeconds: ttl as number },
    invoker,
    clock,
  );
};
