import * as z from 'zod';
import { requiredOr } from '../../validation/issue-messages';
import { OrderLinesSchema } from '../order-line.schema';

/** Body of `POST /orders`. Unknown fields are rejected, as API Gateway's validator does (additionalProperties: false). */
export const PlaceOrderRequest = z.strictObject(
  { lines: OrderLinesSchema },
  { error: requiredOr('must be a JSON object with lines') },
);
export type PlaceOrderRequest = z.output<typeof PlaceOrderRequest>;
