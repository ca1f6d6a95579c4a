import { toFieldErrors } from '../../validation/field-errors';
import { PlaceOrderRequest } from './place-order.request';

const line = (sku: string) => ({ sku, quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } });

function fieldsOf(input: unknown): string[] {
  const result = PlaceOrderRequest.safeParse(input);
  if (result.success) throw new Error('expected the request to be rejected');
  return toFieldErrors(result.error).map((error) => error.field);
}

describe('PlaceOrderRequest', () => {
  it('accepts 1 to 50 well-formed lines', () => {
    const request = { lines: Array.from({ length: 50 }, (_, index) => line(`SKU-${index}`)) };
    expect(PlaceOrderRequest.parse(request)).toEqual(request);
  });

  it.each([
    ['no lines', { lines: [] }, ['lines']],
    ['51 lines', { lines: Array.from({ length: 51 }, (_, index) => line(`SKU-${index}`)) }, ['lines']],
    ['missing lines', {}, ['lines']],
    ['a bad sku', { lines: [line('AB'), line('a')] }, ['lines[1].sku']],
    ['a zero quantity', { lines: [{ ...line('AB'), quantity: 0 }] }, ['lines[0].quantity']],
    ['a fractional quantity', { lines: [{ ...line('AB'), quantity: 1.5 }] }, ['lines[0].quantity']],
    ['a negative price', { lines: [{ ...line('AB'), unitPrice: { amountMinor: -1, currency: 'EUR' } }] }, ['lines[0].unitPrice.amountMinor']],
    ['a lower-case currency', { lines: [{ ...line('AB'), unitPrice: { amountMinor: 1, currency: 'eur' } }] }, ['lines[0].unitPrice.currency']],
    ['an unknown top-level field', { lines: [line('AB')], customerId: 'someone-else' }, ['customerId']],
    ['an unknown line field', { lines: [{ ...line('AB'), discount: 5 }] }, ['lines[0].discount']],
    ['an unknown price field', { lines: [{ ...line('AB'), unitPrice: { amountMinor: 1, currency: 'EUR', fx: 1 } }] }, ['lines[0].unitPrice.fx']],
  ])('rejects %s, naming the field', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('rejects a body that is not an object', () => {
    expect(PlaceOrderRequest.safeParse([line('AB')]).success).toBe(false);
  });

  it('puts the field name into each message', () => {
    const result = PlaceOrderRequest.safeParse({ lines: [{ ...line('AB'), quantity: 1001 }] });
    expect(toFieldErrors(result.error!)[0]!.message).toBe('lines[0].quantity must be an integer from 1 to 1000');
  });

  it('says which field is missing', () => {
    const result = PlaceOrderRequest.safeParse({ lines: [{ sku: 'AB', quantity: 1 }] });
    expect(toFieldErrors(result.error!)).toEqual([{ field: 'lines[0].unitPrice', message: 'lines[0].unitPrice is required' }]);
  });
});
