import type { PaymentDeadlines } from '../ports/payment-deadlines.port';

/** PaymentDeadlines in memory: the deadlines set, by order id, and every call, for use-case tests. */
export class InMemoryPaymentDeadlines implements PaymentDeadlines {
  readonly deadlines = new Map<string, Date>();
  readonly calls: string[] = [];
  /** Calls that throw this error until cleared (an outage of the scheduler). */
  failWith: Error | undefined;

  async schedule(orderId: string, at: Date): Promise<void> {
    this.calls.push(`schedule ${orderId} ${at.toISOString()}`);
    if (this.failWith) throw this.failWith;
    if (!this.deadlines.has(orderId)) this.deadlines.set(orderId, new Date(at.getTime()));
  }

  async cancel(orderId: string): Promise<void> {
    this.calls.push(`cancel ${orderId}`);
    if (this.failWith) throw this.failWith;
    this.deadlines.delete(orderId);
  }
}
