import { CUSTOMER_ID_MAX_LENGTH } from '@harbor/contracts';
import { InvalidCustomerId } from './errors';

/** The identity of the customer who owns an order (the caller's Cognito `sub`). */
export class CustomerId {
  static readonly MAX_LENGTH = CUSTOMER_ID_MAX_LENGTH;

  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  static create(value: string, field = 'customerId'): CustomerId {
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > CustomerId.MAX_LENGTH) {
      throw new InvalidCustomerId({ field, maxLength: CustomerId.MAX_LENGTH });
    }
    return new CustomerId(value);
  }

  equals(other: CustomerId): boolean {
    return other.value === this.value;
  }

  toString(): string {
    return this.value;
  }
}
