import type { DomainError, DomainErrorKind } from '@harbor/shared-kernel';
import { problem, type Problem } from './problem';
import { safeDetails } from './safe-details';

const BY_KIND: Readonly<Record<DomainErrorKind, { status: number; type: string; title: string }>> = {
  invalid: { status: 400, type: 'validation', title: 'Request is invalid' },
  forbidden: { status: 403, type: 'forbidden', title: 'Forbidden' },
  'not-found': { status: 404, type: 'not-found', title: 'Not found' },
  conflict: { status: 409, type: 'conflict', title: 'Conflict' },
  unprocessable: { status: 422, type: 'unprocessable', title: 'Request cannot be processed' },
};

export function statusOfDomainError(kind: DomainErrorKind): number {
  return BY_KIND[kind].status;
}

/** A domain error as the client sees it: its message as detail, its code, and its safe details. */
export function domainErrorProblem(error: DomainError, instance: string | undefined): Problem {
  const { status, type, title } = BY_KIND[error.kind];
  return problem({
    type,
    title,
    status,
    detail: error.message,
    code: error.code,
    instance,
    extensions: safeDetails(error.details),
  });
}
