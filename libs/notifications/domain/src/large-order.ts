/**
 * An order whose total reaches this many minor units (1,000.00 in any currency) is a large order: the
 * large-orders subscription's numeric filter (apps/notifications/api/events.yaml) selects exactly these, and a
 * test keeps the two equal.
 */
export const LARGE_ORDER_MIN_TOTAL_MINOR = 100_000;

export const isLargeOrder = (totalMinor: number): boolean =>
  Number.isSafeInteger(totalMinor) && totalMinor >= LARGE_ORDER_MIN_TOTAL_MINOR;
