// Small helpers every benchmark part shares: a markdown table and order statistics.

/** A GitHub markdown table; the first column is left-aligned, the others right-aligned (they hold figures). */
export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}

/** The value at percentile p (nearest rank) of numbers, sorted or not. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

/** Rounds to `digits` decimals, for tables and JSON. */
export const round = (value, digits = 1) => Number(value.toFixed(digits));
