import type { QuotaSpec } from '../rest-api.types';

const DAY_MS = 86_400_000;

/** Start (UTC) of the quota period containing `now`: day, ISO week (from Monday) or calendar month. */
export const quotaPeriodStart = (period: QuotaSpec['period'], now: number): number => {
  const date = new Date(now);
  const dayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (period === 'DAY') return dayStart;
  if (period === 'WEEK') return dayStart - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
};
