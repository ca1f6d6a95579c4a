import { CustomerId } from './customer-id.value-object';
import { InvalidCustomerId } from './errors';

describe('CustomerId', () => {
  it.each(['c', 'a'.repeat(CustomerId.MAX_LENGTH), 'eu-west-1:6d2b1c4e'])('accepts %s', (value) => {
    expect(CustomerId.create(value).value).toBe(value);
  });

  it.each(['', '   ', 'a'.repeat(CustomerId.MAX_LENGTH + 1)])('rejects %p', (value) => {
    expect(() => CustomerId.create(value)).toThrow(InvalidCustomerId);
    expect(() => CustomerId.create(value)).toThrow(
      expect.objectContaining({
        code: 'ORDER.INVALID_CUSTOMER_ID',
        details: expect.objectContaining({ field: 'customerId' }),
      }),
    );
  });

  it('compares by value', () => {
    expect(CustomerId.create('a').equals(CustomerId.create('a'))).toBe(true);
    expect(CustomerId.create('a').equals(CustomerId.create('b'))).toBe(false);
  });
});
