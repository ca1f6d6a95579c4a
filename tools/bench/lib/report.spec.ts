import { markdownTable, median, percentile, round } from './report.mjs';

describe('percentile and median', () => {
  it('take the nearest rank of unsorted values', () => {
    const values = [9, 1, 5, 3, 7];
    expect(median(values)).toBe(5);
    expect(percentile(values, 99)).toBe(9);
    expect(percentile(values, 0)).toBe(1);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(99);
  });

  it('give NaN for no values rather than a made-up figure', () => {
    expect(median([])).toBeNaN();
  });
});

describe('markdownTable', () => {
  it('left-aligns the first column and right-aligns the figures', () => {
    expect(markdownTable(['target', 'req/s'], [['bare', round(1234.56)]])).toBe(
      '| target | req/s |\n| --- | ---: |\n| bare | 1234.6 |',
    );
  });
});
