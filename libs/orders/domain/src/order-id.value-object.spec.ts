import { InvalidOrderId } from './errors';
import { OrderId } from './order-id.value-object';

describe('OrderId', () => {
  it('keeps a UUID in lower case', () => {
    expect(OrderId.create('6D2B1C4E-5F6A-4B7C-8D9E-0A1B2C3D4E5F').value).toBe('6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f');
  });

  it.each(['', '42', '6d2b1c4e5f6a4b7c8d9e0a1b2c3d4e5f', '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5'])(
    'rejects %p',
    (value) => {
      expect(() => OrderId.create(value)).toThrow(InvalidOrderId);
      expect(() => OrderId.create(value)).toThrow(
        expect.objectContaining({ kind: 'invalid', details: { field: 'orderId' } }),
      );
    },
  );

  it('compares by value', () => {
    const id = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
    expect(OrderId.create(id).equals(OrderId.create(id.toUpperCase()))).toBe(true);
  });
});
