import { compileJsonPath } from './json-path';

const document = { order: { lines: [{ sku: 'A' }, { sku: 'B' }], 'odd key': 1 } };

describe('compileJsonPath', () => {
  it.each([
    ['$', document],
    ['$.order.lines[1].sku', 'B'],
    ["$['order']['odd key']", 1],
    ['$.order.lines[-1].sku', 'B'],
    ['$.order.lines[*].sku', ['A', 'B']],
    ['$.order.missing', undefined],
  ])('%s selects %j', (path, expected) => {
    expect(compileJsonPath(path)(document)).toEqual(expected);
  });

  it.each(['$..sku', '$.lines[?(@.sku)]', '$.lines[0:1]', 'order'])('refuses %s', (path) => {
    expect(() => compileJsonPath(path)).toThrow(/JSONPath/);
  });
});
