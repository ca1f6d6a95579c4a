import * as z from 'zod';
import { requiredOr } from '../../validation/issue-messages';
import { CurrencySchema } from '../../values/money.schema';
import { OrderRequestLinesSchema } from '../order-line.schema';

/**
 * Body of `POST /orders` (version 2 of the API: lines carry no price, the currency is the order's). Unknown fields
 * are rejected, as API Gateway's validator does (additionalProperties: false): a v1 client sending `unitPrice`
 * gets 400 naming `lines[i].unitPrice`.
 */
export const PlaceOrderRequest = z.strictObject(
  { currency: CurrencySchema, lines: OrderRequestLinesSchema },
  { error: requiredOr('must be a JSON object with currency and lines') },
);
export type PlaceOrderRequest = z.output<typeof PlaceOrderRequest>;
