import { ListOrdersQuery, NEXT_TOKEN_MAX_LENGTH, ORDER_PAGE_LIMIT_DEFAULT } from './list-orders.query';
import { OrderIdParams } from './order-id.params';

describe('ListOrdersQuery', () => {
  it('defaults the limit when absent', () => {
    expect(ListOrdersQuery.parse({})).toEqual({ limit: ORDER_PAGE_LIMIT_DEFAULT });
  });

  it.each([
    ['1', 1],
    ['100', 100],
    ['42', 42],
  ])('turns limit %s into %i', (limit, expected) => {
    expect(ListOrdersQuery.parse({ limit }).limit).toBe(expected);
  });

  it.each(['0', '101', '-1', '2.5', 'ten', '', '00001000'])('rejects limit %p naming the field', (limit) => {
    const issue = ListOrdersQuery.safeParse({ limit }).error?.issues[0];
    expect(issue?.path).toEqual(['limit']);
    expect(issue?.message).toBe('must be an integer from 1 to 100');
  });

  it('keeps a next token and bounds its length', () => {
    expect(ListOrdersQuery.parse({ nextToken: 'abc' }).nextToken).toBe('abc');
    expect(
      ListOrdersQuery.safeParse({ nextToken: 'a'.repeat(NEXT_TOKEN_MAX_LENGTH + 1) }).error?.issues[0]?.path,
    ).toEqual(['nextToken']);
  });
});

describe('OrderIdParams', () => {
  it('accepts a UUID and rejects anything else', () => {
    expect(OrderIdParams.safeParse({ orderId: '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f' }).success).toBe(true);
    expect(OrderIdParams.safeParse({ orderId: '42' }).error?.issues[0]?.path).toEqual(['orderId']);
  });
});
