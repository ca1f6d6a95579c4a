import { RecentRequests } from './recent-requests';

describe('RecentRequests', () => {
  it('maps request ids to correlation ids and forgets the oldest beyond its capacity', () => {
    const recent = new RecentRequests(2);
    recent.remember('r1', 'c1');
    recent.remember('r2', 'c2');
    recent.remember('r3', 'c3');
    expect(recent.correlationIdOf('r1')).toBeUndefined();
    expect(recent.correlationIdOf('r2')).toBe('c2');
    expect(recent.correlationIdOf('r3')).toBe('c3');
  });
});
