import { callerFromEvent } from './caller';
import { proxyEvent } from '../testing/lambda-fixtures';

describe('callerFromEvent', () => {
  it.each([
    ['a comma list', 'admins,customers'],
    ["API Gateway's bracket rendering", '[admins customers]'],
  ])('reads groups given as %s', (_shape, groups) => {
    expect(callerFromEvent(proxyEvent({ claims: { sub: 'c-1', 'cognito:groups': groups } }))).toEqual({
      customerId: 'c-1',
      groups: ['admins', 'customers'],
    });
  });

  it('reads a caller without groups', () => {
    expect(callerFromEvent(proxyEvent({ claims: { sub: 'c-2' } }))).toEqual({ customerId: 'c-2', groups: [] });
  });

  it('finds no caller without claims or without a sub', () => {
    expect(callerFromEvent(proxyEvent({ claims: null }))).toBeUndefined();
    expect(callerFromEvent(proxyEvent({ claims: { email: 'a@b.c' } }))).toBeUndefined();
    expect(callerFromEvent(proxyEvent({ claims: { sub: '  ' } }))).toBeUndefined();
  });
});
