import { FixedClock } from './fixed-clock';

describe('FixedClock', () => {
  it('stands still until moved', () => {
    const clock = new FixedClock('2025-05-05T05:05:05.000Z');
    const first = clock.now();
    first.setFullYear(1990);
    expect(clock.now().toISOString()).toBe('2025-05-05T05:05:05.000Z');
    clock.advanceBy(1000);
    expect(clock.now().toISOString()).toBe('2025-05-05T05:05:06.000Z');
    clock.set('2026-01-01T00:00:00.000Z');
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('refuses an unreadable start', () => {
    expect(() => new FixedClock('whenever')).toThrow(TypeError);
  });
});
