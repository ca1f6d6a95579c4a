const { markdownTable } = require('./figures-reporter.cjs') as {
  markdownTable: (rows: readonly Record<string, unknown>[]) => string;
};

describe('the reliability figures table', () => {
  it('prints one row per promise, – for counts a suite did not use, and totals of the counts', () => {
    const table = markdownTable([
      { suite: 'a.reliability.ts', promise: 'no oversell', requests: 500, events: 1500, lost: 0, doubled: 0 },
      {
        suite: 'b.reliability.ts',
        promise: 'fuzz | pipes',
        requests: 20,
        fuzzCases: 20,
        lost: 0,
        doubled: 1,
        notes: 'two\nlines',
      },
    ]).split('\n');
    expect(table[0]).toBe(
      '| suite | promise | requests | events | duplicates injected | faults injected | DLQ redriven | fuzz cases | auth cases | process exits | 5xx | let through | lost | doubled | notes |',
    );
    expect(table[2]).toBe(
      '| a.reliability.ts | no oversell | 500 | 1500 | – | – | – | – | – | – | – | – | 0 | 0 | – |',
    );
    expect(table[3]).toBe(
      '| b.reliability.ts | fuzz \\| pipes | 20 | – | – | – | – | 20 | – | – | – | – | 0 | 1 | two lines |',
    );
    expect(table[4]).toBe('| **total** | 2 promises | 520 | 1500 | – | – | – | 20 | – | – | – | – | 0 | 1 | – |');
  });
});
