import { toFieldErrors } from '../validation/field-errors';
import { eventContracts, parseEventEnvelope } from '../events/event-contracts.registry';
import { ListProductsQuery } from './http/list-products.query';
import { PutProductRequest } from './http/put-product.request';
import { ProductPriced } from './product-priced.event';
import { ProductRetired } from './product-retired.event';

const eur = { amountMinor: 1250, currency: 'EUR' };
const fieldsOf = (input: unknown) =>
  toFieldErrors(PutProductRequest.safeParse(input).error!).map((error) => error.field);

describe('PutProductRequest', () => {
  it('accepts a name and one price per currency', () => {
    expect(PutProductRequest.parse({ name: ' Mug ', prices: [eur, { amountMinor: 1399, currency: 'USD' }] })).toEqual({
      name: 'Mug',
      prices: [eur, { amountMinor: 1399, currency: 'USD' }],
    });
  });

  it.each([
    ['no prices', { name: 'Mug', prices: [] }, ['prices']],
    ['a currency twice', { name: 'Mug', prices: [eur, { ...eur, amountMinor: 1 }] }, ['prices']],
    ['a negative price', { name: 'Mug', prices: [{ ...eur, amountMinor: -1 }] }, ['prices[0].amountMinor']],
    ['a fractional price', { name: 'Mug', prices: [{ ...eur, amountMinor: 12.5 }] }, ['prices[0].amountMinor']],
    ['an empty name', { name: '  ', prices: [eur] }, ['name']],
    ['an unknown field', { name: 'Mug', prices: [eur], version: 9 }, ['version']],
  ])('refuses %s, naming the field', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });
});

describe('ListProductsQuery', () => {
  it('defaults the limit and takes a SKU as the cursor', () => {
    expect(ListProductsQuery.parse({})).toEqual({ limit: 25 });
    expect(ListProductsQuery.parse({ limit: '2', after: 'MUG-1' })).toEqual({ limit: 2, after: 'MUG-1' });
  });

  it.each([{ limit: '0' }, { limit: '101' }, { after: 'not a sku' }])('refuses %p', (query) => {
    expect(ListProductsQuery.safeParse(query).success).toBe(false);
  });
});

describe('catalog events v1', () => {
  it('are registered, so outboxes and consumers accept their envelopes', () => {
    expect(eventContracts).toEqual(expect.arrayContaining([ProductPriced, ProductRetired]));
    const envelope = {
      eventId: '3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e',
      eventType: 'ProductPriced',
      version: 1,
      occurredAt: '2026-03-01T10:00:00.000Z',
      correlationId: 'req-1',
      causationId: 'req-1',
      payload: { sku: 'MUG-1', name: 'Mug', prices: [eur], version: 3 },
    };
    expect(parseEventEnvelope(envelope)).toEqual(envelope);
  });

  it('refuse a version below 1', () => {
    expect(ProductRetired.payloadSchema.safeParse({ sku: 'MUG-1', version: 0 }).success).toBe(false);
  });
});
