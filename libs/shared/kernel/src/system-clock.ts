import type { Clock } from '@harbor/orders-application';

/** The machine's wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
