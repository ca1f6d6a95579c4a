import type { FieldError } from '@harbor/contracts';
import { HttpProblemError } from './http-problem.error';
import { problem, type Problem } from './problem';

/** The rejections the platform's middleware raises, each with a stable code. */
export const platformProblems = {
  validationFailed: (errors: readonly FieldError[]) =>
    new HttpProblemError({
      type: 'validation',
      title: 'Request is invalid',
      status: 400,
      detail: errors.map((error) => error.message).join('; '),
      code: 'REQUEST.VALIDATION_FAILED',
      extensions: { errors },
    }),
  malformedJson: (cause: unknown) =>
    new HttpProblemError(
      {
        type: 'malformed-json',
        title: 'Request body is not valid JSON',
        status: 400,
        detail: 'The request body could not be parsed as JSON.',
        code: 'REQUEST.MALFORMED_JSON',
      },
      { cause },
    ),
  unauthenticated: () =>
    new HttpProblemError({
      type: 'unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'The request carries no authenticated caller.',
      code: 'AUTH.UNAUTHENTICATED',
    }),
  forbidden: (detail: string) =>
    new HttpProblemError({ type: 'forbidden', title: 'Forbidden', status: 403, detail, code: 'AUTH.FORBIDDEN' }),
  payloadTooLarge: (limitBytes: number) =>
    new HttpProblemError({
      type: 'payload-too-large',
      title: 'Request body is too large',
      status: 413,
      detail: `The request body exceeds ${limitBytes} bytes.`,
      code: 'REQUEST.TOO_LARGE',
      extensions: { limitBytes },
    }),
  unsupportedMediaType: (received: string | undefined) =>
    new HttpProblemError({
      type: 'unsupported-media-type',
      title: 'Unsupported media type',
      status: 415,
      detail: `Expected content-type application/json, got ${received ? JSON.stringify(received) : 'none'}.`,
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    }),
  idempotencyKeyMissing: (headerName: string) =>
    new HttpProblemError({
      type: 'validation',
      title: 'Request is invalid',
      status: 400,
      detail: `The ${headerName} header is required (1 to 255 characters).`,
      code: 'IDEMPOTENCY.KEY_MISSING',
      extensions: { errors: [{ field: headerName, message: `${headerName} header is required` }] },
    }),
  idempotencyKeyReused: (headerName: string, cause: unknown) =>
    new HttpProblemError(
      {
        type: 'idempotency-key-reused',
        title: 'Idempotency key reused',
        status: 422,
        detail: `This ${headerName} was already used with a different request body.`,
        code: 'IDEMPOTENCY.KEY_REUSED',
      },
      { cause },
    ),
  requestInProgress: (headerName: string, cause: unknown) =>
    new HttpProblemError(
      {
        type: 'request-in-progress',
        title: 'Request in progress',
        status: 409,
        detail: `A request with this ${headerName} is still being processed; retry later.`,
        code: 'IDEMPOTENCY.REQUEST_IN_PROGRESS',
      },
      { cause },
    ),
} as const;

/** What a client gets for anything unexpected: no message, no stack, just where to look. */
export function internalErrorProblem(instance: string | undefined): Problem {
  return problem({
    type: 'internal',
    title: 'Internal Server Error',
    status: 500,
    detail: 'An unexpected error occurred. Quote the instance when reporting it.',
    code: 'INTERNAL',
    instance,
  });
}
