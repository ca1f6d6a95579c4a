import * as z from 'zod';
import { requiredOr } from '../validation/issue-messages';
import { CUSTOMER_ID_MAX_LENGTH } from './order-limits';

export const OrderIdSchema = z.uuid({ error: requiredOr('must be a UUID') });

/** The caller's identity (a Cognito `sub`), never chosen by the client. */
export const CustomerIdSchema = z
  .string({ error: requiredOr('must be a string') })
  .min(1, { error: 'must not be empty' })
  .max(CUSTOMER_ID_MAX_LENGTH, { error: `must be at most ${CUSTOMER_ID_MAX_LENGTH} characters` });
