import type { Invoker } from '@harbor/local-cloud-lambda';
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
import type { RestApiAuthenticator } from './rest-api-authenticator';
import type { AuthorizationType } from '../rest-api.types';
import { cognitoAuthorizer } from './cognito.authorizer';
import { iamAuthorizer } from './iam.authorizer';
import { parseIdentitySources } from './identity-sources';
import { lambdaAuthorizer } from './lambda.authorizer';
import type { RouteAuthorizer } from './route-authorizer';

export interface MethodSecurity {
  readonly authorizer: RouteAuthorizer | undefined;
  readonly authorization: AuthorizationType;
  readonly apiKeyRequired: boolean;
}

export interface SecurityDependencies {
  readonly document: JsonRecord;
  readonly invoker: Invoker;
  readonly authenticator: RestApiAuthenticator | undefined;
  readonly region: string;
  readonly clock: () => number;
  readonly file: string;
}

const headerOf = (
  identitySource: string | undefined,
  scheme: JsonRecord,
  problem: (detail: string) => Error,
): string => {
  if (identitySource === undefined) return String(scheme['name'] ?? 'Authorization');
  const match = /^method\.request\.header\.([^,\s]+)$/.exec(identitySource.trim());
  if (!match) throw problem(`identitySource ${identitySource} must be one method.request.header.<name>`);
  return match[1];
};

/**
 * Turns OpenAPI `security` (operation or document level) and `components.securitySchemes` into the method's
 * authorizer and API key requirement. Authorizers are built once per scheme (and scope set) so methods share
 * caches. An authorizer the emulator cannot run stops start-up: a route is never served without the
 * authorizer its file names.
 */
export class SecurityCompiler {
  private readonly schemes: JsonRecord;
  private readonly built = new Map<string, RouteAuthorizer>();

  constructor(private readonly deps: SecurityDependencies) {
    this.schemes = recordOrEmpty(recordOrEmpty(deps.document['components'])['securitySchemes']);
  }

  compile(operation: JsonRecord, location: DefinitionLocation): MethodSecurity {
    const auth = recordOrEmpty(operation['x-amazon-apigateway-auth']);
    const requirements = operation['security'] ?? this.deps.document['security'] ?? [];
    if (!Array.isArray(requirements)) throw invalidDefinition(location, 'security', 'must be a list of requirements');
    const nonEmpty = requirements.filter((requirement) => isRecord(requirement) && Object.keys(requirement).length > 0);
    if (nonEmpty.length > 1)
      throw unsupported(location, 'alternative security requirements', 'API Gateway takes one requirement per method');
    const requirement = recordOrEmpty(nonEmpty[0]);
    let authorizer: RouteAuthorizer | undefined;
    let apiKeyRequired = false;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = this.schemes[name];
      if (!isRecord(scheme))
        throw invalidDefinition(location, `security scheme ${name}`, 'is not defined in components.securitySchemes');
      if (this.isApiKeyScheme(scheme)) {
        apiKeyRequired = true;
        continue;
      }
      if (authorizer)
        throw unsupported(
          location,
          `security scheme ${name}`,
          `a method has one authorizer and already has ${authorizer.name}`,
        );
      authorizer = this.authorizerFor(name, scheme, Array.isArray(scopes) ? scopes.map(String) : [], location);
    }
    const authType = stringOrUndefined(auth['type'])?.toUpperCase();
    if (authType === 'AWS_IAM') {
      if (authorizer)
        throw unsupported(
          location,
          'x-amazon-apigateway-auth AWS_IAM',
          `the method already has authorizer ${authorizer.name}`,
        );
      authorizer = this.iam(location);
    } else if (authType !== undefined && authType !== 'NONE') {
      throw unsupported(location, `x-amazon-apigateway-auth ${authType}`, 'not emulated');
    }
    return { authorizer, authorization: authorizer?.type ?? 'NONE', apiKeyRequired };
  }

  private isApiKeyScheme(scheme: JsonRecord): boolean {
    return (
      scheme['type'] === 'apiKey' &&
      scheme['x-amazon-apigateway-authtype'] === undefined &&
      scheme['x-amazon-apigateway-authorizer'] === undefined
    );
  }

  private iam(location: DefinitionLocation): RouteAuthorizer {
    if (!this.deps.authenticator)
      throw invalidDefinition(
        location,
        'AWS_IAM authorization',
        'createRestApi was given no authenticator to verify SigV4',
      );
    return iamAuthorizer(this.deps.authenticator, this.deps.region);
  }

  private authorizerFor(
    name: string,
    scheme: JsonRecord,
    scopes: string[],
    location: DefinitionLocation,
  ): RouteAuthorizer {
    const key = `${name} ${scopes.join(' ')}`;
    const known = this.built.get(key);
    if (known) return known;
    const problem = (detail: string): Error => invalidDefinition(location, `authorizer ${name}`, detail);
    const authType = stringOrUndefined(scheme['x-amazon-apigateway-authtype'])?.toLowerCase();
    const config = recordOrEmpty(scheme['x-amazon-apigateway-authorizer']);
    const type = stringOrUndefined(config['type'])?.toLowerCase();
    let authorizer: RouteAuthorizer;
    if (authType === 'awssigv4') authorizer = this.iam(location);
    else if (type === 'cognito_user_pools') {
      const providerArns = Array.isArray(config['providerARNs']) ? config['providerARNs'].map(String) : [];
      if (providerArns.length === 0) throw problem('providerARNs lists no user pool');
      if (!this.deps.authenticator) throw problem('createRestApi was given no authenticator to verify Cognito tokens');
      const header = headerOf(stringOrUndefined(config['identitySource']), scheme, problem);
      authorizer = cognitoAuthorizer({ name, header, providerArns, scopes, authenticator: this.deps.authenticator });
    } else if (type === 'token' || type === 'request')
      authorizer = this.lambda(name, type, scheme, config, location, problem);
    else {
      const what = type ?? authType ?? String(scheme['type']);
      throw unsupported(
        location,
        `authorizer ${name} (${what})`,
        'REST APIs run cognito_user_pools, token, request and awsSigv4 (AWS_IAM) authorizers',
      );
    }
    this.built.set(key, authorizer);
    return authorizer;
  }

  private lambda(
    name: string,
    kind: 'token' | 'request',
    scheme: JsonRecord,
    config: JsonRecord,
    location: DefinitionLocation,
    problem: (detail: string) => Error,
  ): RouteAuthorizer {
    const uri = stringOrUndefined(config['authorizerUri']);
    if (!uri) throw problem('authorizerUri is required');
    const functionId = functionIdFromUri(uri);
    if (!this.deps.invoker.has(functionId)) {
      throw unknownFunction(location, `authorizer ${name}`, functionId);
    }
    const ttlSeconds =
      config['authorizerResultTtlInSeconds'] === undefined ? 300 : Number(config['authorizerResultTtlInSeconds']);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > 3600)
      throw problem('authorizerResultTtlInSeconds must be 0 to 3600');
    const sourceText =
      stringOrUndefined(config['identitySource']) ??
      (kind === 'token' ? `method.request.header.${String(scheme['name'] ?? 'Authorization')}` : '');
    const identitySources = parseIdentitySources(sourceText, problem);
    if (kind === 'token' && identitySources.length !== 1)
      throw problem('a TOKEN authorizer has exactly one identity source (a header)');
    if (kind === 'request' && ttlSeconds > 0 && identitySources.length === 0)
      throw problem('a cached REQUEST authorizer needs identitySource');
    const expression = stringOrUndefined(config['identityValidationExpression']);
    let validation: RegExp | undefined;
    try {
      validation = kind === 'token' && expression ? new RegExp(`^(?:${expression})$`) : undefined;
    } catch (error) {
      throw problem(`identityValidationExpression is not a valid regular expression (${(error as Error).message})`);
    }
    return lambdaAuthorizer({
      name,
      kind,
      functionId,
      identitySources,
      ttlSeconds,
      validation,
      invoker: this.deps.invoker,
      clock: this.deps.clock,
    });
  }
}
