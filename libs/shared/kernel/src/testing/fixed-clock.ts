import type { Clock } from '../clock.port';

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2025-01-01T00:00:00.000Z') {
    this.current = new Date(start);
    if (Number.isNaN(this.current.getTime()))
      throw new TypeError(`FixedClock needs a valid start time, got ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  advanceBy(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  set(time: Date | string): void {
    this.current = new Date(time);
  }
}
