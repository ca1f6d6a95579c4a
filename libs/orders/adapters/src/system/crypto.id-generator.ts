import { createHash, randomUUID } from 'node:crypto';
import type { IdGenerator } from '@harbor/orders-application';

// RFC 9562 name-based (version 5) UUIDs are SHA-1 of a namespace and a name; this is Harbor orders' namespace.
const ORDERS_NAMESPACE = Buffer.from('6f1d2c9e4b7a4e0f9a3c5d8e7f60a1b2', 'hex');

/** Random version 4 UUIDs from Node's cryptographically strong generator; version 5 ones for names. */
export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }

  idFor(name: string): string {
    const bytes = createHash('sha1').update(ORDERS_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
