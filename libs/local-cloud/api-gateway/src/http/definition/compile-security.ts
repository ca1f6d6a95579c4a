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

export interface RouteSecurity {
  readonly authorizer: JwtAuthorizer | undefined;
  readonly scopes: readonly string[];
}

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/**
 * OpenAPI `security` (the route's, else the document's) naming a `components.securitySchemes` entry with an
 * `x-amazon-apigateway-authorizer` of type `jwt`. Each scheme is built once. Lambda (`request`) authorizers and
 * IAM authorization of HTTP APIs are not emulated and stop start-up: a route is never served without its authorizer.
 */
export class SecurityCompiler {
  private readonly schemes: JsonRecord;
  private readonly built = new Map<string, JwtAuthorizer>();

  constructor(
    private readonly document: JsonRecord,
    private readonly jwks: JwksResolver | undefined,
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
    return { authorizer: this.authorizer(name, location), scopes: asStrings(scopes) };
  }

  private authorizer(name: string, location: DefinitionLocation): JwtAuthorizer {
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
    if (type !== 'jwt')
      throw unsupported(
        at,
        `authorizer type ${String(definition['type'])}`,
        'only JWT authorizers are emulated for HTTP APIs',
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
