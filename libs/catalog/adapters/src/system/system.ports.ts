import type { Clock, IdGenerator } from '@harbor/catalog-application';
import { randomUUID } from 'node:crypto';

/** The machine's wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** Random version 4 UUIDs from Node's cryptographically strong generator. */
export class CryptoIdGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }
}
