import { OrderId } from '@harbor/orders-domain';
import { orderRequestName } from '@harbor/orders-application';
import { CryptoIdGenerator, nameBasedUuid } from './crypto.id-generator';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PINNED_ALICE_KEY_1 = 'e29d7929-21e4-5261-aaa3-26a0980302fa';
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
    const id = generator.idFor(orderRequestName('alice', 'key-1'));
    expect(id).toMatch(UUID_V5);
    expect(OrderId.create(id).value).toBe(id);
    expect(new CryptoIdGenerator().idFor(orderRequestName('alice', 'key-1'))).toBe(id);
    expect(generator.idFor(orderRequestName('alice', 'key-2'))).not.toBe(id);
    expect(generator.idFor(orderRequestName('ben', 'key-1'))).not.toBe(id);
  });

  // RFC 9562, Appendix A.4: the name "www.example.com" in the DNS namespace.
  it('derives the RFC 9562 known answer for a name in the DNS namespace', () => {
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  // Pinned: a change here re-ids every order placed under an Idempotency-Key, and replays after it would not match.
  it("keeps deriving today's order id for alice's key-1", () => {
    expect(new CryptoIdGenerator().idFor(orderRequestName('alice', 'key-1'))).toBe(PINNED_ALICE_KEY_1);
  });
});
