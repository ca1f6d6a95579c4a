import { toFieldErrors, ROOT_FIELD, type FieldError } from '@harbor/contracts';
import type { z } from 'zod';
import { requestState } from '../http/http-request-state';
import { platformProblems } from '../problems/platform-problems';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

export interface RequestValidationOptions {
  readonly bodySchema?: z.ZodType;
  readonly querySchema?: z.ZodType;
  readonly pathSchema?: z.ZodType;
}

/**
 * Validates body, query string and path parameters against their schemas; every failing field of all three
 * is reported in one 400. Parsed (and transformed) values replace the raw ones for the handler.
 */
export function requestValidation(opts: RequestValidationOptions = {}): HttpMiddleware {
  const options = { ...opts };
  const requestValidationBefore = (request: HttpRequest): void => {
    const state = requestState(request.event);
    const errors: FieldError[] = [];
    const check = (schema: z.ZodType | undefined, input: unknown, whole: string, assign: (value: unknown) => void) => {
      if (!schema) return assign(input);
      const result = schema.safeParse(input);
      if (result.success) return assign(result.data);
      // A problem with the whole input (not an object, missing) is named after the part of the request.
      errors.push(
        ...toFieldErrors(result.error).map((error) => (error.field === ROOT_FIELD ? renameRoot(error, whole) : error)),
      );
    };
    check(options.pathSchema, request.event.pathParameters ?? {}, 'path', (value) => (state.path = value));
    check(options.querySchema, request.event.queryStringParameters ?? {}, 'query', (value) => (state.query = value));
    if (options.bodySchema) check(options.bodySchema, state.body, 'body', (value) => (state.body = value));
    if (errors.length > 0) throw platformProblems.validationFailed(errors);
  };
  return { before: requestValidationBefore };
}

function renameRoot(error: FieldError, field: string): FieldError {
  return {
    field,
    message: error.message.startsWith(ROOT_FIELD) ? `${field}${error.message.slice(ROOT_FIELD.length)}` : error.message,
  };
}
