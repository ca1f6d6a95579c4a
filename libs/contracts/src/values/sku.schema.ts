import * as z from 'zod';
import { requiredOr } from '../validation/issue-messages';

/** 2–32 characters of A–Z, 0–9 and '-', not starting with '-'. */
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export const SkuSchema = z
  .string({ error: requiredOr('must be a string') })
  .regex(SKU_PATTERN, { error: 'must be 2-32 characters of A-Z, 0-9 or "-", starting with a letter or digit' });
