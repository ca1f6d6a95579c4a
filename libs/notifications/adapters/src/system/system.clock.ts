import type { Clock } from '@harbor/notifications-application';

/** The machine's wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
