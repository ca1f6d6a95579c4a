import {
  CryptoIdGenerator,
  DynamooseReservationRepository,
  DynamooseStockRepository,
  inventoryOutboxStore,
} from '@harbor/inventory-adapters';
import { SystemClock } from '@harbor/shared-kernel';
import { GetStock, ReleaseStock, ReserveStock, SetStock } from '@harbor/inventory-application';
import { EventBridgeEventPublisher, OutboxRelay } from '@harbor/platform-outbox';

// Wiring of the inventory use cases to their adapters. Built on first use rather than at import, so a cold start
// pays only for what its handler needs and tests can point the environment at their own tables first.

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the function's environment must name it (apps/inventory/api/functions.yaml)`);
  return value;
}

const tableName = () => requiredEnv('INVENTORY_TABLE_NAME');
const clock = new SystemClock();
const idGenerator = new CryptoIdGenerator();
let stock: DynamooseStockRepository | undefined;
let reservations: DynamooseReservationRepository | undefined;
const stockRepository = () => (stock ??= new DynamooseStockRepository({ tableName: tableName() }));
const reservationRepository = () =>
  (reservations ??= new DynamooseReservationRepository({ tableName: tableName(), clock }));

export const setStock = (): SetStock => new SetStock({ stockRepository: stockRepository(), clock });
export const getStock = (): GetStock => new GetStock({ stockRepository: stockRepository() });
export const reserveStock = (): ReserveStock =>
  new ReserveStock({
    stockRepository: stockRepository(),
    reservationRepository: reservationRepository(),
    clock,
    idGenerator,
  });
export const releaseStock = (): ReleaseStock =>
  new ReleaseStock({ reservationRepository: reservationRepository(), clock });

/** EventBridge `source` of the inventory service's events (apps/inventory/api/events.yaml publishes.eventbridge.source). */
export const INVENTORY_EVENT_SOURCE = 'harbor.inventory';

/** Who may use the admin routes: the access-token scope http-api.yaml requires, or the admin group. */
export const ADMIN_ACCESS = { scopes: ['inventory/admin'], groups: ['admin'] } as const;

let relay: OutboxRelay | undefined;
export const outboxRelay = (): OutboxRelay =>
  (relay ??= new OutboxRelay({
    store: inventoryOutboxStore(tableName()),
    publisher: new EventBridgeEventPublisher({
      busName: requiredEnv('EVENT_BUS_NAME'),
      source: INVENTORY_EVENT_SOURCE,
    }),
    clock,
  }));
