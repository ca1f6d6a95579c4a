import * as z from 'zod';
import { requiredOr } from '../validation/issue-messages';

/** Currencies are ISO 4217 alphabetic codes. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Largest single price a client may send, in minor units (1,000,000.00 in a two-decimal currency). */
export const MONEY_MAX_AMOUNT_MINOR = 100_000_000;

/** An ISO 4217 currency code, as orders name the currency they are priced in. */
export const CurrencySchema = z
  .string({ error: requiredOr('must be a string') })
  .regex(CURRENCY_PATTERN, { error: 'must be a three-letter ISO 4217 code in capitals, such as EUR' });

function amountUpTo(max: number) {
  return z
    .int({ error: requiredOr('must be an integer number of minor units') })
    .min(0, { error: 'must not be negative' })
    .max(max, { error: `must be at most ${max}` });
}

/** A price as clients send it: integer minor units, bounded. */
export const MoneySchema = z.strictObject(
  { amountMinor: amountUpTo(MONEY_MAX_AMOUNT_MINOR), currency: CurrencySchema },
  { error: requiredOr('must be an object with amountMinor and currency') },
);

/**
 * A computed sum (an order total): up to 50 lines × 1000 units × the largest price exceeds
 * MONEY_MAX_AMOUNT_MINOR, so totals are bounded only by what a JavaScript number holds exactly.
 */
export const MoneyTotalSchema = z.strictObject(
  { amountMinor: amountUpTo(Number.MAX_SAFE_INTEGER), currency: CurrencySchema },
  { error: requiredOr('must be an object with amountMinor and currency') },
);

export type MoneyDto = z.output<typeof MoneySchema>;
