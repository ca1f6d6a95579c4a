/**
 * When an unpaid confirmed order expires. The adapter sets a one-time timer (EventBridge Scheduler) that runs
 * ExpireOrder at `at`; both calls are idempotent, so a redelivered event may repeat them.
 */
export interface PaymentDeadlines {
  /** Sets the order's deadline; one already set for it is left as it is. `correlationId` travels to ExpireOrder. */
  schedule(orderId: string, at: Date, correlationId?: string): Promise<void>;
  /** Drops the order's deadline, if any. A deadline left behind is harmless: ExpireOrder expires CONFIRMED orders only. */
  cancel(orderId: string): Promise<void>;
}
