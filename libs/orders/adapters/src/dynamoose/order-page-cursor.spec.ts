import { InvalidPageCursor } from '@harbor/orders-application';
import { decodePageCursor, encodePageCursor } from './order-page-cursor';

const orderId = '0a1b2c3d-0000-4000-8000-00000000000f';
const lastKey = {
  pk: `ORDER#${orderId}`,
  sk: 'ORDER',
  gsi1pk: 'CUSTOMER#c-1',
  gsi1sk: `2099-03-01T12:00:00.000Z#${orderId}`,
};

describe('order page cursor', () => {
  it('is URL-safe text that gives back the key it was made from', () => {
    const cursor = encodePageCursor(lastKey);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor, 'c-1')).toEqual(lastKey);
  });

  it('always starts within the customer being listed', () => {
    expect(decodePageCursor(encodePageCursor(lastKey), 'c-2')).toMatchObject({ gsi1pk: 'CUSTOMER#c-2' });
  });

  it.each(['', 'e30', Buffer.from('["2099-03-01T12:00:00.000Z"]').toString('base64url')])('rejects %p', (cursor) => {
    expect(() => decodePageCursor(cursor, 'c-1')).toThrow(InvalidPageCursor);
  });

  it('refuses to encode a key the byCustomer index would not return', () => {
    expect(() => encodePageCursor({ pk: 'ORDER#x', sk: 'ORDER' })).toThrow('Unexpected LastEvaluatedKey');
    expect(() => encodePageCursor({ ...lastKey, pk: 'ORDER#another' })).toThrow('Unexpected LastEvaluatedKey');
  });
});
