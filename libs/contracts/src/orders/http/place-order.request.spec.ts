import { toFieldErrors } from '../../validation/field-errors';
import { PlaceOrderRequest } from './place-order.request';

const line = (sku: string) => ({ sku, quantity: 2 });
const request = (lines: unknown, extra: Record<string, unknown> = {}) => ({ currency: 'EUR', lines, ...extra });

function fieldsOf(input: unknown): string[] {
  const result = PlaceOrderRequest.safeParse(input);
  if (result.success) throw new Error('expected the request to be rejected');
  return toFieldErrors(result.error).map((error) => error.field);
}

describe('PlaceOrderRequest (v2: no client prices)', () => {
  it('accepts a currency and 1 to 50 lines of sku and quantity', () => {
    const input = request(Array.from({ length: 50 }, (_, index) => line(`SKU-${index}`)));
    expect(PlaceOrderRequest.parse(input)).toEqual(input);
  });

  it.each([
    [
      'a client price (the v1 shape)',
      request([{ ...line('AB'), unitPrice: { amountMinor: 0, currency: 'EUR' } }]),
      ['lines[0].unitPrice'],
    ],
    ['no currency', { lines: [line('AB')] }, ['currency']],
    ['a lower-case currency', request([line('AB')], { currency: 'eur' }), ['currency']],
    ['no lines', request([]), ['lines']],
    ['51 lines', request(Array.from({ length: 51 }, (_, index) => line(`SKU-${index}`))), ['lines']],
    ['missing lines', { currency: 'EUR' }, ['lines']],
    ['a bad sku', request([line('AB'), line('a')]), ['lines[1].sku']],
    ['a zero quantity', request([{ ...line('AB'), quantity: 0 }]), ['lines[0].quantity']],
    ['a fractional quantity', request([{ ...line('AB'), quantity: 1.5 }]), ['lines[0].quantity']],
    ['an unknown top-level field', request([line('AB')], { customerId: 'someone-else' }), ['customerId']],
    ['a total', request([line('AB')], { total: { amountMinor: 0, currency: 'EUR' } }), ['total']],
  ])('rejects %s, naming the field', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('rejects a body that is not an object', () => {
    expect(PlaceOrderRequest.safeParse([line('AB')]).success).toBe(false);
  });

  it('puts the field name into each message', () => {
    const result = PlaceOrderRequest.safeParse(request([{ ...line('AB'), quantity: 1001 }]));
    expect(toFieldErrors(result.error!)[0]!.message).toBe('lines[0].quantity must be an integer from 1 to 1000');
  });

  it('says which field is missing', () => {
    const result = PlaceOrderRequest.safeParse(request([{ sku: 'AB' }]));
    expect(toFieldErrors(result.error!)).toEqual([
      { field: 'lines[0].quantity', message: 'lines[0].quantity is required' },
    ]);
  });
});
