import { catalogOutboxStore, CryptoIdGenerator, DynamooseProductRepository } from '@harbor/catalog-adapters';
import { SystemClock } from '@harbor/shared-kernel';
import {
  GetProduct,
  ListProducts,
  PutProduct,
  RetireProduct,
  type CatalogDependencies,
} from '@harbor/catalog-application';
import { EventBridgeEventPublisher, OutboxRelay } from '@harbor/platform-outbox';

// Wiring of the catalog use cases to their adapters. Built on first use rather than at import, so a cold start
// pays only for what its handler needs and tests can point the environment at their own tables first.

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the function's environment must name it (apps/catalog/api/functions.yaml)`);
  return value;
}

const tableName = () => requiredEnv('CATALOG_TABLE_NAME');
const clock = new SystemClock();
let products: DynamooseProductRepository | undefined;
const dependencies = (): CatalogDependencies => ({
  productRepository: (products ??= new DynamooseProductRepository({ tableName: tableName() })),
  clock,
  idGenerator: new CryptoIdGenerator(),
});

export const putProduct = (): PutProduct => new PutProduct(dependencies());
export const retireProduct = (): RetireProduct => new RetireProduct(dependencies());
export const getProduct = (): GetProduct => new GetProduct(dependencies());
export const listProducts = (): ListProducts => new ListProducts(dependencies());

/** EventBridge `source` of the catalog service's events (apps/catalog/api/events.yaml publishes.eventbridge.source). */
export const CATALOG_EVENT_SOURCE = 'harbor.catalog';

/** Who may use the admin routes: the access-token scope http-api.yaml requires, or the admin group. */
export const ADMIN_ACCESS = { scopes: ['catalog/admin'], groups: ['admin'] } as const;

let relay: OutboxRelay | undefined;
export const outboxRelay = (): OutboxRelay =>
  (relay ??= new OutboxRelay({
    store: catalogOutboxStore(tableName()),
    publisher: new EventBridgeEventPublisher({ busName: requiredEnv('EVENT_BUS_NAME'), source: CATALOG_EVENT_SOURCE }),
    clock,
  }));
