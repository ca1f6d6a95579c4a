import { InvalidConsoleRequest } from '../errors';
import { LogBook } from './log-book';
import { logQueryOf } from './log-search';

describe('the cross-function log search', () => {
  const book = new LogBook({ correlationIdOfRequest: () => undefined });
  book.append('orders.placeOrder', 'placed order o-1 for SKU-1');
  book.append('inventory.reserve', 'reserved SKU-1 x2');
  book.append('orders.placeOrder', 'placed order o-2 for MUG-BLUE');
  book.append('notifications.push', 'pushed CONFIRMED for o-1');

  const search = (params: Record<string, string>) =>
    book.find(logQueryOf(new URLSearchParams(params))).map((entry) => entry.line);

  it('finds the text in every function, case-insensitively, oldest first', () => {
    expect(search({ q: 'sku-1' })).toEqual(['placed order o-1 for SKU-1', 'reserved SKU-1 x2']);
    expect(search({ q: 'o-1' })).toEqual(['placed order o-1 for SKU-1', 'pushed CONFIRMED for o-1']);
  });

  it('keeps the newest matches within the limit, and combines with the function filter', () => {
    expect(search({ q: 'o', limit: '2' })).toEqual(['placed order o-2 for MUG-BLUE', 'pushed CONFIRMED for o-1']);
    expect(search({ q: 'placed', functionId: 'orders.placeOrder', limit: '1' })).toEqual([
      'placed order o-2 for MUG-BLUE',
    ]);
  });

  it('bounds the search: 200 lines by default, and refuses an empty, long or unlimited one', () => {
    for (let index = 0; index < 250; index += 1) book.append('orders.placeOrder', `noise ${index}`);
    expect(search({ q: 'noise' })).toHaveLength(200);
    expect(search({ q: 'noise' }).at(-1)).toBe('noise 249');
    for (const params of [
      { q: '' },
      { q: 'x'.repeat(201) },
      { q: 'a', limit: '0' },
      { q: 'a', limit: '2001' },
    ] as Record<string, string>[])
      expect(() => logQueryOf(new URLSearchParams(params))).toThrow(InvalidConsoleRequest);
    expect(logQueryOf(new URLSearchParams({ correlationId: 'c' }))).toEqual({ correlationId: 'c' });
  });
});
