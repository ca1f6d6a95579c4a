import { randomUUID } from 'node:crypto';
import { invalidDefinition, isRecord, recordOrEmpty, stringRecord, type GatewayResponse } from '../../core';
import {
  compileMappingSource,
  parseMappingTarget,
  type MappingSource,
  type MappingSources,
} from '../integrations/parameter-mapping';
import {
  GATEWAY_RESPONSE_DEFAULTS,
  isGatewayResponseType,
  type GatewayError,
  type GatewayResponseType,
} from './gateway-response-types';
import { setHeader } from './header-map';
import { compileSubstitution, type SubstitutionTemplate } from './simple-substitution';

interface CustomResponse {
  readonly status?: number;
  readonly headers: readonly (readonly [string, MappingSource])[];
  readonly templates: ReadonlyMap<string, SubstitutionTemplate>;
}

export interface GatewayResponseRequest extends MappingSources {
  readonly context: Readonly<Record<string, unknown>>;
  /** The request's Accept header, to pick a template. */
  readonly accept?: string;
}

const DEFAULT_TEMPLATE: SubstitutionTemplate = ({ context }) => {
  const error = recordOrEmpty(context['error']);
  return `{"message":${String(error['messageString'])}}`;
};

const SOURCES = new Set(['method.request', 'context', 'stageVariables'] as const);

/**
 * `x-amazon-apigateway-gateway-responses` plus AWS's defaults. Customisations are compiled at start-up;
 * rendering picks the type's own response, else DEFAULT_4XX / DEFAULT_5XX, else AWS's default body.
 */
export class GatewayResponses {
  private readonly custom = new Map<GatewayResponseType, CustomResponse>();

  constructor(extension: unknown, file: string) {
    for (const [type, spec] of Object.entries(recordOrEmpty(extension))) {
      const route = `x-amazon-apigateway-gateway-responses.${type}`;
      const problem = (detail: string): Error => invalidDefinition({ file, route }, 'gateway response', detail);
      if (!isGatewayResponseType(type)) throw problem(`unknown gateway response type ${type}`);
      if (!isRecord(spec)) throw problem('must be an object');
      const status = spec['statusCode'] === undefined ? undefined : Number(spec['statusCode']);
      if (status !== undefined && !Number.isInteger(status))
        throw problem(`statusCode ${String(spec['statusCode'])} is not a number`);
      const headers = Object.entries(stringRecord(spec['responseParameters'])).map(([target, source]) => {
        const { name } = parseMappingTarget(target, 'gatewayresponse', ['header'], problem);
        return [name, compileMappingSource(source, SOURCES, problem)] as const;
      });
      const templates = new Map(
        Object.entries(stringRecord(spec['responseTemplates'])).map(
          ([contentType, template]) => [contentType.toLowerCase(), compileSubstitution(template, problem)] as const,
        ),
      );
      this.custom.set(type, { status, headers, templates });
    }
  }

  isCustomised(type: GatewayResponseType): boolean {
    return this.custom.has(type);
  }

  render(error: GatewayError, request: GatewayResponseRequest): GatewayResponse {
    const defaults = GATEWAY_RESPONSE_DEFAULTS[error.responseType];
    const message = error.message === undefined ? defaults.message : error.message;
    const own = this.custom.get(error.responseType);
    const baseStatus = error.status ?? defaults.status;
    const fallback = this.custom.get(baseStatus >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
    const status = own?.status ?? fallback?.status ?? baseStatus;
    const errorContext = {
      message: message ?? '',
      messageString: JSON.stringify(message),
      responseType: error.responseType,
      validationErrorString: error.validationErrorString ?? '',
    };
    const context = { ...request.context, error: errorContext };
    const templates =
      own && own.templates.size > 0
        ? own.templates
        : fallback && fallback.templates.size > 0
          ? fallback.templates
          : undefined;
    const [contentType, template] = this.pickTemplate(templates, request.accept);
    const body =
      templates === undefined && error.spacedBody
        ? `{"message": ${JSON.stringify(message)}}`
        : template({ context, stageVariables: request.stageVariables });
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'x-amzn-RequestId': String(request.context['requestId'] ?? randomUUID()),
      'x-amzn-ErrorType': error.errorType ?? defaults.errorType,
    };
    // API Gateway stamps its extended request id on every answer it makes, errors included.
    const extendedRequestId = request.context['extendedRequestId'];
    if (typeof extendedRequestId === 'string') headers['x-amz-apigw-id'] = extendedRequestId;
    const sources: MappingSources = { ...request, context };
    for (const [name, source] of [...(fallback?.headers ?? []), ...(own?.headers ?? [])]) {
      const value = source(sources);
      if (value !== undefined) setHeader(headers, name, value);
    }
    return { status, headers, body };
  }

  private pickTemplate(
    templates: ReadonlyMap<string, SubstitutionTemplate> | undefined,
    accept: string | undefined,
  ): [string, SubstitutionTemplate] {
    if (!templates) return ['application/json', DEFAULT_TEMPLATE];
    const wanted = accept?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
    const chosen =
      wanted && templates.get(wanted)
        ? wanted
        : templates.has('application/json')
          ? 'application/json'
          : [...templates.keys()][0];
    return [chosen, templates.get(chosen) ?? DEFAULT_TEMPLATE];
  }
}
