import {
  invalidDefinition,
  isRecord,
  recordOrEmpty,
  stringRecord,
  unsupported,
  type DefinitionLocation,
  type GatewayResponse,
} from '../../core';
import type { RequestState } from '../pipeline/request-state';
import { setHeader } from '../responses/header-map';
import { VtlInput } from '../vtl/vtl-input';
import { compileVtl, type VtlTemplate } from '../vtl/vtl-template';
import { compileMappingSource, parseMappingTarget, type MappingSource } from './parameter-mapping';

interface MethodResponse {
  readonly pattern: RegExp | undefined;
  readonly statusCode: number;
  readonly templates: ReadonlyMap<string, VtlTemplate>;
  readonly headers: readonly (readonly [string, MappingSource])[];
}

export interface IntegrationReply {
  readonly status: number;
  readonly body: string;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
}

const SOURCES = new Set(['integration.response', 'method.request', 'context', 'stageVariables'] as const);

/**
 * `x-amazon-apigateway-integration.responses` of a non-proxy integration. Each key is a selection pattern
 * (a regular expression that must match the whole backend status code) or `default`; the first matching
 * pattern wins, then `default`. No match and no default is a configuration error (500), as in API Gateway.
 */
export class IntegrationResponses {
  private readonly patterned: MethodResponse[] = [];
  private readonly fallback: MethodResponse | undefined;

  constructor(responses: unknown, location: DefinitionLocation) {
    let fallback: MethodResponse | undefined;
    for (const [key, spec] of Object.entries(recordOrEmpty(responses))) {
      const problem = (detail: string): Error => invalidDefinition(location, `integration response "${key}"`, detail);
      if (!isRecord(spec)) throw problem('must be an object');
      if (spec['contentHandling'] !== undefined)
        throw unsupported(
          location,
          'contentHandling',
          `integration response "${key}": converting payloads is not emulated`,
        );
      const statusCode = Number(spec['statusCode'] ?? 200);
      if (!Number.isInteger(statusCode)) throw problem(`statusCode ${String(spec['statusCode'])} is not a number`);
      const templates = new Map<string, VtlTemplate>();
      for (const [contentType, source] of Object.entries(stringRecord(spec['responseTemplates']))) {
        templates.set(
          contentType.toLowerCase(),
          compileVtl(source, { ...location, template: `responses["${key}"].responseTemplates["${contentType}"]` }),
        );
      }
      const headers = Object.entries(stringRecord(spec['responseParameters'])).map(([target, source]) => {
        const { name } = parseMappingTarget(target, 'method.response', ['header'], problem);
        return [name, compileMappingSource(source, SOURCES, problem)] as const;
      });
      let pattern: RegExp | undefined;
      if (key !== 'default') {
        try {
          pattern = new RegExp(`^(?:${key})$`, 's');
        } catch (error) {
          throw problem(`selection pattern is not a valid regular expression (${(error as Error).message})`);
        }
      }
      const response = { pattern, statusCode, templates, headers };
      if (pattern) this.patterned.push(response);
      else fallback = response;
    }
    this.fallback = fallback;
  }

  /** Picks the method response for a backend status and renders it; `undefined` when nothing is configured to match. */
  render(reply: IntegrationReply, state: RequestState): GatewayResponse | undefined {
    const selector = String(reply.status);
    const response = this.patterned.find((candidate) => candidate.pattern?.test(selector)) ?? this.fallback;
    if (!response) return undefined;
    const headers: Record<string, string> = {
      'x-amzn-RequestId': state.init.requestId,
      'x-amz-apigw-id': state.init.extendedRequestId,
    };
    let body = reply.body;
    let contentType = 'application/json';
    if (response.templates.size > 0) {
      const accept = state.init.headers.get('accept')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
      contentType =
        accept && response.templates.has(accept)
          ? accept
          : response.templates.has('application/json')
            ? 'application/json'
            : [...response.templates.keys()][0];
      const template = response.templates.get(contentType) as VtlTemplate;
      body = template.render({
        input: new VtlInput(reply.body, state.methodParams()),
        context: state.context(),
        stageVariables: state.init.stage.variables,
      });
    }
    headers['Content-Type'] = contentType;
    if (response.headers.length === 0) return { status: response.statusCode, headers, body };
    const sources = {
      headers: state.init.headers,
      query: state.init.query,
      pathParameters: state.init.pathParameters,
      stageVariables: state.init.stage.variables,
      context: state.context(),
      integrationResponse: { headers: reply.headers, body: reply.body },
    };
    for (const [name, source] of response.headers) {
      const value = source(sources);
      if (value !== undefined) setHeader(headers, name, value);
    }
    return { status: response.statusCode, headers, body };
  }
}
