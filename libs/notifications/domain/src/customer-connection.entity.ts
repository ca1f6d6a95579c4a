import { CUSTOMER_ID_MAX_LENGTH } from '@harbor/contracts';
import { InvalidConnection } from './errors';
import { isIdentifier } from './text-rules';

/**
 * API Gateway closes a WebSocket connection after two hours whatever happens; a stored connection lives as
 * long, so a `$disconnect` that never ran (a crashed function) leaves nothing behind once the TTL removes it.
 */
export const CONNECTION_LIFETIME_SECONDS = 2 * 60 * 60;
const CONNECTION_ID_MAX_LENGTH = 128;

export interface CustomerConnectionSnapshot {
  readonly connectionId: string;
  readonly customerId: string;
  readonly connectedAt: Date;
  readonly expiresAt: Date;
}

/** One open WebSocket connection of a customer, the address their order status changes are pushed to. */
export class CustomerConnection {
  private constructor(private readonly snapshot: CustomerConnectionSnapshot) {}

  /** A connection API Gateway just opened for an authenticated customer. */
  static open(connectionId: string, customerId: string, now: Date): CustomerConnection {
    if (!isIdentifier(connectionId, CONNECTION_ID_MAX_LENGTH)) {
      throw new InvalidConnection({
        field: 'connectionId',
        rule: `must be 1 to ${CONNECTION_ID_MAX_LENGTH} characters without surrounding blanks`,
      });
    }
    if (!isIdentifier(customerId, CUSTOMER_ID_MAX_LENGTH)) {
      throw new InvalidConnection({
        field: 'customerId',
        rule: `must be 1 to ${CUSTOMER_ID_MAX_LENGTH} characters without surrounding blanks`,
      });
    }
    if (Number.isNaN(now.getTime()))
      throw new InvalidConnection({ field: 'connectedAt', rule: 'must be a valid date' });
    const expiresAt = new Date(now.getTime() + CONNECTION_LIFETIME_SECONDS * 1000);
    return new CustomerConnection({ connectionId, customerId, connectedAt: new Date(now.getTime()), expiresAt });
  }

  /** A connection as stored: trusted, it was validated when opened. */
  static restore(snapshot: CustomerConnectionSnapshot): CustomerConnection {
    return new CustomerConnection({ ...snapshot });
  }

  get connectionId(): string {
    return this.snapshot.connectionId;
  }

  get customerId(): string {
    return this.snapshot.customerId;
  }

  get connectedAt(): Date {
    return new Date(this.snapshot.connectedAt.getTime());
  }

  get expiresAt(): Date {
    return new Date(this.snapshot.expiresAt.getTime());
  }

  /** Past its lifetime: API Gateway has closed it even if no `$disconnect` removed it. */
  hasExpired(now: Date): boolean {
    return now.getTime() >= this.snapshot.expiresAt.getTime();
  }

  toSnapshot(): CustomerConnectionSnapshot {
    return { ...this.snapshot, connectedAt: this.connectedAt, expiresAt: this.expiresAt };
  }
}
