/** The p-th percentile by nearest rank: the smallest value with at least p% of the values at or below it. */
export function nearestRank(sortedAscending: readonly number[], percentile: number): number {
  if (sortedAscending.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((percentile / 100) * sortedAscending.length));
  return sortedAscending[rank - 1];
}
