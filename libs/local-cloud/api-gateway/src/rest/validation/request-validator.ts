import type { RefResolver } from '../definition/refs';
import { isRecord, recordOrEmpty, type JsonRecord } from '../../core';
import type { HeaderBag } from '../request/header-bag';
import type { QueryString } from '../request/query-string';
import { JsonSchemaCompiler, type SchemaValidator } from './json-schema.compiler';

export interface ValidatorSettings {
  readonly name: string;
  readonly validateRequestBody: boolean;
  readonly validateRequestParameters: boolean;
}

export interface ValidationFailure {
  readonly responseType: 'BAD_REQUEST_PARAMETERS' | 'BAD_REQUEST_BODY';
  readonly message: string;
  readonly validationErrorString: string;
}

export interface ValidatedRequest {
  readonly headers: HeaderBag;
  readonly query: QueryString;
  readonly body: Buffer;
  readonly contentType: string;
}

export type RequestValidation = (request: ValidatedRequest) => ValidationFailure | undefined;

interface RequiredParameter {
  readonly name: string;
  readonly in: 'header' | 'query' | 'path';
}

const present = (value: string | undefined): boolean => value !== undefined && value.trim().length > 0;

/** Operation parameters merged over the path item's, `$ref`s followed, as OpenAPI defines. */
export const parametersOf = (pathItem: JsonRecord, operation: JsonRecord, refs: RefResolver): JsonRecord[] => {
  const byKey = new Map<string, JsonRecord>();
  for (const source of [pathItem['parameters'], operation['parameters']]) {
    for (const raw of Array.isArray(source) ? source : []) {
      const parameter = refs.deref(raw);
      if (isRecord(parameter)) byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
    }
  }
  return [...byKey.values()];
};

/**
 * Builds the method's request validator: required, non-blank query string and header parameters, then the
 * body against the model of the request's content type (no model for that content type: not validated, as
 * in API Gateway). Schemas are compiled here, once.
 */
export const compileRequestValidator = (
  settings: ValidatorSettings,
  parameters: readonly JsonRecord[],
  operation: JsonRecord,
  refs: RefResolver,
  problem: (detail: string) => Error,
): RequestValidation | undefined => {
  const required: RequiredParameter[] = settings.validateRequestParameters
    ? parameters
        .filter(
          (parameter) =>
            parameter['required'] === true && ['header', 'query', 'path'].includes(String(parameter['in'])),
        )
        .map((parameter) => ({ name: String(parameter['name']), in: parameter['in'] as RequiredParameter['in'] }))
    : [];
  const models = new Map<string, SchemaValidator>();
  if (settings.validateRequestBody) {
    const compiler = new JsonSchemaCompiler(refs, problem);
    const requestBody = recordOrEmpty(refs.deref(operation['requestBody']));
    for (const [contentType, media] of Object.entries(recordOrEmpty(requestBody['content']))) {
      const schema = recordOrEmpty(media)['schema'];
      if (schema !== undefined) models.set(contentType.toLowerCase(), compiler.compile(schema));
    }
  }
  if (required.length === 0 && models.size === 0) return undefined;

  return ({ headers, query, body, contentType }) => {
    const missing = required
      .filter((parameter) => parameter.in !== 'path')
      .filter(
        (parameter) => !present(parameter.in === 'header' ? headers.get(parameter.name) : query.get(parameter.name)),
      )
      .map((parameter) => parameter.name);
    if (missing.length > 0) {
      const message = `Missing required request parameters: [${missing.join(', ')}]`;
      return { responseType: 'BAD_REQUEST_PARAMETERS', message, validationErrorString: message };
    }
    const validate = models.get(contentType);
    if (!validate) return undefined;
    const text = body.toString('utf8');
    let value: unknown;
    try {
      value = text.trim().length === 0 ? {} : JSON.parse(text);
    } catch (error) {
      return {
        responseType: 'BAD_REQUEST_BODY',
        message: 'Invalid request body',
        validationErrorString: `[Invalid JSON: ${(error as Error).message}]`,
      };
    }
    const errors = validate(value);
    return errors.length === 0
      ? undefined
      : {
          responseType: 'BAD_REQUEST_BODY',
          message: 'Invalid request body',
          validationErrorString: `[${errors.join(', ')}]`,
        };
  };
};
