import type { Clock } from './clock.port';

/** The machine's wall clock: what every service's composition root injects where a use case asks for a Clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
