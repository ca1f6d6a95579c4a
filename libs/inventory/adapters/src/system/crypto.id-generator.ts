import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@harbor/inventory-application';

/** Random version 4 UUIDs from Node's cryptographically strong generator. */
export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }
}
