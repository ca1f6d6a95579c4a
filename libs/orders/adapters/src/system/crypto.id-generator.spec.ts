import { OrderId } from '@harbor/orders-domain';
import { CryptoIdGenerator } from './crypto.id-generator';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('CryptoIdGenerator', () => {
  it('returns version 4 UUIDs that are valid order ids', () => {
    const id = new CryptoIdGenerator().newId();
    expect(id).toMatch(UUID_V4);
    expect(OrderId.create(id).value).toBe(id);
  });

  it('never repeats itself', () => {
    const generator = new CryptoIdGenerator();
    const ids = new Set(Array.from({ length: 1000 }, () => generator.newId()));
    expect(ids.size).toBe(1000);
  });

  it('derives the same version 5 UUID from the same name, a different one from another name', () => {
    const generator = new CryptoIdGenerator();
    const id = generator.idFor('alice/key-1');
    expect(id).toMatch(UUID_V5);
    expect(OrderId.create(id).value).toBe(id);
    expect(new CryptoIdGenerator().idFor('alice/key-1')).toBe(id);
    expect(generator.idFor('alice/key-2')).not.toBe(id);
    expect(generator.idFor('ben/key-1')).not.toBe(id);
  });
});
