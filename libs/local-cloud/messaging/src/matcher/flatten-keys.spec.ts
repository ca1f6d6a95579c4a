import { flattenKeys } from './flatten-keys';

describe('flattenKeys', () => {
  it('lists every leaf with the key path a pattern would use, arrays sharing their path', () => {
    const event = {
      source: 'aws.ec2',
      detail: { state: 'running', tags: ['a', 'b'], nested: { n: 1, empty: null } },
      resources: [],
    };
    expect(flattenKeys(event)).toEqual([
      { path: 'source', value: 'aws.ec2' },
      { path: 'detail.state', value: 'running' },
      { path: 'detail.tags', value: 'a' },
      { path: 'detail.tags', value: 'b' },
      { path: 'detail.nested.n', value: 1 },
      { path: 'detail.nested.empty', value: null },
    ]);
  });

  it('flattens arrays of objects into their keys', () => {
    expect(flattenKeys({ employees: [{ name: 'Anna' }, { name: 'John' }] })).toEqual([
      { path: 'employees.name', value: 'Anna' },
      { path: 'employees.name', value: 'John' },
    ]);
  });

  it('ignores what JSON cannot hold', () => {
    expect(flattenKeys({ a: undefined, b: Number.NaN, c: 'kept' })).toEqual([{ path: 'c', value: 'kept' }]);
  });
});
