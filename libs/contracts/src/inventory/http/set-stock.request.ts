import * as z from 'zod';
import { requiredOr } from '../../validation/issue-messages';
import { STOCK_AVAILABLE_MAX } from '../stock-limits';

const availableRule = `must be an integer from 0 to ${STOCK_AVAILABLE_MAX}`;

/** Body of `PUT /inventory/items/{sku}`: the units available to reserve from now on. Unknown fields are refused. */
export const SetStockRequest = z.strictObject(
  {
    available: z
      .int({ error: requiredOr(availableRule) })
      .min(0, { error: availableRule })
      .max(STOCK_AVAILABLE_MAX, { error: availableRule }),
  },
  { error: requiredOr('must be a JSON object with available') },
);
export type SetStockRequest = z.output<typeof SetStockRequest>;
