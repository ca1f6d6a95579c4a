import { OrderIdSchema } from '@harbor/contracts';
import { InvalidOrderId } from './errors';

/** A UUID, kept in lower case so the same order is found however a client spells it. */
export class OrderId {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  static create(value: string, field = 'orderId'): OrderId {
    if (!OrderIdSchema.safeParse(value).success) throw new InvalidOrderId({ field });
    return new OrderId(value.toLowerCase());
  }

  equals(other: OrderId): boolean {
    return other.value === this.value;
  }

  toString(): string {
    return this.value;
  }
}
