import { SystemClock } from './system-clock';

describe('SystemClock', () => {
  it('tells the current time, as a new Date each call', () => {
    const clock = new SystemClock();
    const before = Date.now();
    const first = clock.now();
    const second = clock.now();
    expect(first.getTime()).toBeGreaterThanOrEqual(before);
    expect(first.getTime()).toBeLessThanOrEqual(Date.now());
    expect(second).not.toBe(first);
  });
});
