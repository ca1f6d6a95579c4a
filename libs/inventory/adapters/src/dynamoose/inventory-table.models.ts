import * as dynamoose from 'dynamoose';
import type { ModelType } from 'dynamoose/dist/General';
import type { HandledEventDocument, OutboxDocument, ReservationDocument, StockDocument } from './inventory-table.items';
import { handledEventSchema, outboxSchema, reservationSchema, stockSchema } from './inventory-table.schemas';

export interface InventoryTableModels {
  readonly stock: ModelType<StockDocument>;
  readonly reservations: ModelType<ReservationDocument>;
  readonly outbox: ModelType<OutboxDocument>;
  readonly handledEvents: ModelType<HandledEventDocument>;
}

// Dynamoose registers models and tables process-wide: build them once per table name and share them.
const modelsByTable = new Map<string, InventoryTableModels>();

/** The item types of one inventory table, bound to it. The table itself is Terraform's: never created here. */
export function inventoryTableModels(tableName: string): InventoryTableModels {
  const existing = modelsByTable.get(tableName);
  if (existing) return existing;
  const models: InventoryTableModels = {
    stock: dynamoose.model<StockDocument>(`${tableName}/Stock`, stockSchema),
    reservations: dynamoose.model<ReservationDocument>(`${tableName}/Reservation`, reservationSchema),
    outbox: dynamoose.model<OutboxDocument>(`${tableName}/OutboxRecord`, outboxSchema),
    handledEvents: dynamoose.model<HandledEventDocument>(`${tableName}/HandledEvent`, handledEventSchema),
  };
  new dynamoose.Table(tableName, [models.stock, models.reservations, models.outbox, models.handledEvents], {
    create: false,
    waitForActive: false,
    update: false,
  });
  modelsByTable.set(tableName, models);
  return models;
}
