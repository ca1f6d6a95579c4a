import type { CustomerConnection } from '@harbor/notifications-domain';

/** Where open WebSocket connections are kept, findable by customer. */
export interface ConnectionRepository {
  /** Stores the connection (a reconnect under the same id replaces it). */
  save(connection: CustomerConnection): Promise<void>;
  /** Forgets the connection; forgetting an unknown one is not an error (`$disconnect` and 410 can race). */
  remove(connectionId: string): Promise<void>;
  /** Every stored connection of the customer, expired ones included (TTL deletion is lazy). */
  findByCustomer(customerId: string): Promise<CustomerConnection[]>;
}
