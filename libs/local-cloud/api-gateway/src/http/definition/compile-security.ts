import type { Invoker } from '@harbor/local-cloud-lambda';
import type { HttpLambdaAuthorizer } from '../auth/http-lambda-authorizer';
import { JwtAuthorizer } from '../auth/jwt-authorizer';
import { parseTokenSource } from '../auth/identity-source';
import {
  invalidDefinition,
  isRecord,
  recordOrEmpty,
  stringOrUndefined,
  unsupported,
  type DefinitionLocation,
  type JsonRecord,
} from '../../core';
import type { JwksResolver } from '../http-api.types';
import { compileLambdaAuthorizer } from './compile-lambda-authorizer';

type RouteAuthorizer = JwtAuthorizer | HttpLambdaAuthorizer;

export interface RouteSecurity {
  readonly authorizer: RouteAuthorizer | undefined;
  readonly scopes: readonly string[];
}

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/**
 * OpenAPI `security` (the route's, else the document's) naming a `components.securitySchemes` entry with an
 * `x-amazon-apigateway-authorizer` of type `jwt` or `request` (a Lambda authorizer). Each scheme is built once. IAM
 * authorization of HTTP APIs is not emulated and stops start-up: a route is never served without its authorizer.
 */
export class SecurityCompiler {
  private readonly schemes: JsonRecord;
  private readonly built = new Map<string, RouteAuthorizer>();

  constructor(
    private readonly document: JsonRecord,
    private readonly jwks: JwksResolver | undefined,
    private readonly invoker: Invoker,
    private readonly clock: () => number,
  ) {
    this.schemes = recordOrEmpty(recordOrEmpty(document['components'])['securitySchemes']);
  }

  compile(operation: JsonRecord, location: DefinitionLocation): RouteSecurity {
    const requirements = operation['security'] ?? this.document['security'] ?? [];
    if (!Array.isArray(requirements)) throw invalidDefinition(location, 'security', 'must be a list of requirements');
    const nonEmpty = requirements.filter((requirement) => isRecord(requirement) && Object.keys(requirement).length > 0);
    if (nonEmpty.length === 0) return { authorizer: undefined, scopes: [] };
    if (nonEmpty.length > 1)
      throw unsupported(location, 'alternative security requirements', 'an HTTP API route has one authorizer');
    const entries = Object.entries(nonEmpty[0] as JsonRecord);
    if (entries.length > 1)
      throw unsupported(location, 'combined security schemes', 'an HTTP API route has one authorizer');
    const [name, scopes] = entries[0];
    const authorizer = this.authorizer(name, location);
    // Authorization scopes belong to JWT authorizers; API Gateway refuses them on a route behind a Lambda one.
    if (authorizer.type === 'REQUEST' && asStrings(scopes).length > 0)
      throw invalidDefinition(location, `security ${name}`, 'a route behind a Lambda authorizer takes no scopes');
    return { authorizer, scopes: asStrings(scopes) };
  }

  private authorizer(name: string, location: DefinitionLocation): RouteAuthorizer {
    const existing = this.built.get(name);
    if (existing) return existing;
    const scheme = this.schemes[name];
    const at = { file: location.file, route: `securitySchemes.${name}` };
    if (!isRecord(scheme))
      throw invalidDefinition(location, `security scheme ${name}`, 'is not defined in components.securitySchemes');
    const definition = scheme['x-amazon-apigateway-authorizer'];
    if (!isRecord(definition))
      throw unsupported(
        at,
        `security scheme ${name}`,
        'only x-amazon-apigateway-authorizer schemes are emulated for HTTP APIs',
      );
    const type = stringOrUndefined(definition['type'])?.toLowerCase();
    if (type === 'request') {
      const lambda = compileLambdaAuthorizer(name, definition, at, this.invoker, this.clock);
      this.built.set(name, lambda);
      return lambda;
    }
    if (type !== 'jwt')
      throw unsupported(
        at,
        `authorizer type ${String(definition['type'])}`,
        'HTTP API authorizers are emulated of type jwt or request (Lambda)',
      );
    const configuration = recordOrEmpty(definition['jwtConfiguration']);
    const issuer = stringOrUndefined(configuration['issuer']);
    if (!issuer) throw invalidDefinition(at, 'jwtConfiguration.issuer', 'a JWT authorizer needs an issuer');
    const audience = asStrings(configuration['audience']);
    if (audience.length === 0)
      throw invalidDefinition(at, 'jwtConfiguration.audience', 'a JWT authorizer needs at least one audience');
    const jwks = this.jwks?.(issuer);
    if (!jwks)
      throw unsupported(
        at,
        `issuer ${issuer}`,
        'no local key set for this issuer (point the authorizer at the local issuer)',
      );
    const source = parseTokenSource(
      stringOrUndefined(definition['identitySource']) ?? '$request.header.Authorization',
      (detail) => invalidDefinition(at, 'identitySource', detail),
    );
    const authorizer = new JwtAuthorizer({ name, issuer, audience, source, jwks });
    this.built.set(name, authorizer);
    return authorizer;
  }
}
