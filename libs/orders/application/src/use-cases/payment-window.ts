import type { PaymentDeadlines } from '../ports/payment-deadlines.port';

/** How long a confirmed order waits for its payment, and where its deadline is set. */
export interface PaymentWindow {
  readonly seconds: number;
  readonly deadlines: PaymentDeadlines;
}

/** The end of the window opened at `now`, rounded up to a whole second: at() schedules name whole seconds. */
export function paymentDueAt(now: Date, window: PaymentWindow): Date {
  if (!Number.isSafeInteger(window.seconds) || window.seconds < 1)
    throw new RangeError(`a payment window is a whole number of seconds, got ${window.seconds}`);
  return new Date(Math.ceil(now.getTime() / 1000) * 1000 + window.seconds * 1000);
}

/**
 * Drops a deadline the order no longer needs. Its failure is reported, not thrown: the change it follows is stored,
 * and a deadline left behind is harmless (ExpireOrder expires CONFIRMED orders only).
 */
export async function dropDeadline(
  deadlines: PaymentDeadlines,
  orderId: string,
  onFailure: ((error: unknown) => void) | undefined,
): Promise<void> {
  try {
    await deadlines.cancel(orderId);
  } catch (error) {
    onFailure?.(error);
  }
}
