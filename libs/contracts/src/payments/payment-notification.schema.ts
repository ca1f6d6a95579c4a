import * as z from 'zod';
import { CURRENCY_PATTERN } from '../values/money.schema';
import { requiredOr } from '../validation/issue-messages';
import { OrderIdSchema } from '../orders/order-identifiers.schema';

/**
 * What the payment provider POSTs to /payments/webhook. API Gateway validates it against the
 * PaymentNotification model of apps/orders/api/openapi.yaml (kept equal by a test) and publishes the raw
 * body to the `payment-events` topic; subscribers parse it with this schema.
 */
export const PAYMENT_EVENT_TYPES = ['PaymentSucceeded', 'PaymentFailed'] as const;
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

/** Currencies Harbor settles in: the orders subscription's filter policy selects only these. */
export const SETTLEMENT_CURRENCIES = ['EUR', 'GBP', 'USD'] as const;

export const PAYMENT_ID_MAX_LENGTH = 64;
export const PAYMENT_DESCRIPTION_MAX_LENGTH = 1000;

const text = (max: number) =>
  z
    .string({ error: requiredOr('must be a string') })
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const PaymentNotification = z.strictObject({
  /** The provider's id of this notification; consumers are idempotent on it. */
  notificationId: z.uuid({ error: requiredOr('must be a UUID') }),
  eventType: z.enum(PAYMENT_EVENT_TYPES, { error: requiredOr(`must be one of ${PAYMENT_EVENT_TYPES.join(', ')}`) }),
  paymentId: text(PAYMENT_ID_MAX_LENGTH),
  orderId: OrderIdSchema,
  amount: z.strictObject(
    {
      amountMinor: z
        .int({ error: requiredOr('must be an integer number of minor units') })
        .min(0, { error: 'must not be negative' })
        .max(Number.MAX_SAFE_INTEGER, { error: `must be at most ${Number.MAX_SAFE_INTEGER}` }),
      currency: z
        .string({ error: requiredOr('must be a string') })
        .regex(CURRENCY_PATTERN, { error: 'must be a three-letter ISO 4217 code in capitals' }),
    },
    { error: requiredOr('must be an object with amountMinor and currency') },
  ),
  occurredAt: z.iso.datetime({ offset: true, error: requiredOr('must be an ISO 8601 date-time') }),
  /** Free text from the provider (may hold quotes, newlines, `#`, `$`, any unicode): carried verbatim. */
  description: text(PAYMENT_DESCRIPTION_MAX_LENGTH).optional(),
});
export type PaymentNotificationDto = z.output<typeof PaymentNotification>;
