import { DomainError } from '@harbor/shared-kernel';

/*
 * Every error the notifications domain raises. Codes are stable: tests and logs key on them. Each names the
 * offending field, so a consumer that drops a bad message can say why.
 */

interface FieldDetails extends Record<string, unknown> {
  readonly field: string;
}

export class InvalidConnection extends DomainError {
  readonly code = 'NOTIFICATIONS.INVALID_CONNECTION';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails & { readonly rule: string }, options?: ErrorOptions) {
    super(`${details.field} ${details.rule}`, details, options);
  }
}

export class InvalidNotification extends DomainError {
  readonly code = 'NOTIFICATIONS.INVALID_NOTIFICATION';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails & { readonly rule: string }, options?: ErrorOptions) {
    super(`${details.field} ${details.rule}`, details, options);
  }
}
