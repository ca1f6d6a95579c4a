import * as z from 'zod';
import { MoneySchema } from '../values/money.schema';
import { requiredOr } from '../validation/issue-messages';

/** A product is priced in 1 to 10 currencies, each at most once. */
export const PRODUCT_PRICES_MAX = 10;
export const PRODUCT_NAME_MAX_LENGTH = 200;

/** A product's prices, one per currency, in integer minor units. */
export const ProductPricesSchema = z
  .array(MoneySchema, { error: requiredOr('must be an array of prices') })
  .min(1, { error: 'must hold at least one price' })
  .max(PRODUCT_PRICES_MAX, { error: `must hold at most ${PRODUCT_PRICES_MAX} prices` })
  .refine((prices) => new Set(prices.map((price) => price.currency)).size === prices.length, {
    error: 'must name each currency once',
  });

export const ProductNameSchema = z
  .string({ error: requiredOr('must be a string') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(PRODUCT_NAME_MAX_LENGTH, { error: `must be at most ${PRODUCT_NAME_MAX_LENGTH} characters` });

/** Each change of a product counts up from 1: consumers keep the highest they have seen, so order never matters. */
export const ProductVersionSchema = z
  .int({ error: requiredOr('must be an integer') })
  .min(1, { error: 'must be at least 1' });
