import { RecentRequests } from './recent-requests';

describe('RecentRequests', () => {
  it('maps request ids to correlation ids, always knowing the last `capacity` requests', () => {
    const recent = new RecentRequests(2);
    for (let i = 1; i <= 7; i += 1) {
      recent.remember(`r${i}`, `c${i}`);
      expect(recent.correlationIdOf(`r${i}`)).toBe(`c${i}`);
      if (i > 1) expect(recent.correlationIdOf(`r${i - 1}`)).toBe(`c${i - 1}`);
    }
  });

  it('forgets what is older than twice its capacity', () => {
    const recent = new RecentRequests(2);
    for (let i = 1; i <= 7; i += 1) recent.remember(`r${i}`, `c${i}`);
    // Generations: [r1 r2] [r3 r4] [r5 r6] [r7]: the current one and the one before are kept.
    expect(['r1', 'r2', 'r3', 'r4'].map((id) => recent.correlationIdOf(id))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['r5', 'r6', 'r7'].map((id) => recent.correlationIdOf(id))).toEqual(['c5', 'c6', 'c7']);
  });
});
