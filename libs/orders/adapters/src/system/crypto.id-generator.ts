import { createHash, randomUUID } from 'node:crypto';
import type { IdGenerator } from '@harbor/orders-application';

/** Harbor orders' namespace for name-based UUIDs (a random version 4 UUID, fixed for ever). */
export const ORDERS_NAMESPACE = '6f1d2c9e-4b7a-4e0f-9a3c-5d8e7f60a1b2';

/**
 * An RFC 9562 §5.5 name-based (version 5) UUID: SHA-1 of the namespace's 16 bytes then the name's UTF-8, with the
 * version and variant bits set. Hand-written because it is twelve lines of node:crypto and pinned by the RFC's
 * own known answer in the spec.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`namespace must be a UUID, got ${JSON.stringify(namespace)}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Random version 4 UUIDs from Node's cryptographically strong generator; version 5 ones for names. */
export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }

  idFor(name: string): string {
    return nameBasedUuid(ORDERS_NAMESPACE, name);
  }
}
