import * as z from 'zod';
import { constraintsByPath } from '../../test/json-schema-constraints';
import { componentSchema, loadOrdersOpenApi } from '../../test/openapi-document';
import { toFieldErrors } from '../validation/field-errors';
import { PaymentNotification } from './payment-notification.schema';

const valid = {
  notificationId: '3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e',
  eventType: 'PaymentSucceeded',
  paymentId: 'pay_1',
  orderId: '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
  amount: { amountMinor: 2500, currency: 'EUR' },
  occurredAt: '2025-03-01T10:00:00Z',
  description: 'Card "Visa" #4242\n$25 ✓',
};

/** zod spells a `format` out as a `pattern` too; the model names the format, which is what both sides check. */
function withoutFormatPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutFormatPatterns);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key]) => !(key === 'pattern' && 'format' in node));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutFormatPatterns(value)]));
}

describe('PaymentNotification', () => {
  it('accepts a notification, free text included verbatim', () => {
    expect(PaymentNotification.parse(valid)).toEqual(valid);
  });

  it.each([
    ['eventType', { eventType: 'PaymentRefunded' }],
    ['amount.currency', { amount: { amountMinor: 1, currency: 'eur' } }],
    ['orderId', { orderId: 'order-1' }],
    ['surprise', { surprise: true }],
  ])('names the bad field %s', (field, change) => {
    const result = PaymentNotification.safeParse({ ...valid, ...change });
    expect(toFieldErrors(result.error!).map((error) => error.field)).toContain(field);
  });

  // API Gateway validates the webhook body against this model before publishing; subscribers parse the message
  // with the zod schema: if they drift, a body is published that every subscriber dead-letters.
  it('agrees with the PaymentNotification model of openapi.yaml', () => {
    const fromZod = constraintsByPath(withoutFormatPatterns(z.toJSONSchema(PaymentNotification, { io: 'input' })));
    const fromOpenApi = constraintsByPath(componentSchema(loadOrdersOpenApi(), 'PaymentNotification'));
    expect(fromZod).toEqual(fromOpenApi);
  });
});
