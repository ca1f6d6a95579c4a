import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { OrderIdSchema } from '../orders/order-identifiers.schema';
import { StockLinesSchema } from './stock-line.schema';

/** Inventory reserved every line of an order (all of them, in one transaction); orders confirms it. */
export const StockReserved = defineEvent(
  'StockReserved',
  1,
  z.object({ orderId: OrderIdSchema, lines: StockLinesSchema }),
);
export type StockReservedPayload = PayloadOf<typeof StockReserved>;
