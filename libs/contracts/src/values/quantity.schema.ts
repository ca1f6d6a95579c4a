import * as z from 'zod';
import { requiredOr } from '../validation/issue-messages';

export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 1000;

const outOfRange = `must be an integer from ${QUANTITY_MIN} to ${QUANTITY_MAX}`;

export const QuantitySchema = z
  .int({ error: requiredOr(outOfRange) })
  .min(QUANTITY_MIN, { error: outOfRange })
  .max(QUANTITY_MAX, { error: outOfRange });
