import type { IdGenerator } from '@harbor/catalog-application';
import { randomUUID } from 'node:crypto';

/** Random version 4 UUIDs from Node's cryptographically strong generator. */
export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }
}
