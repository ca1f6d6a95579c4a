import type { EventEnvelope } from '@harbor/contracts';
import { describeInventoryRepositoryContract } from '@harbor/inventory-application/testing';
import { inventoryTableName, RawInventoryTable } from '../../test/inventory-table';
import { DynamooseReservationRepository } from './reservation.dynamoose.repository';
import { DynamooseStockRepository } from './stock.dynamoose.repository';

const table = new RawInventoryTable();
afterAll(() => table.destroy());

describeInventoryRepositoryContract('Dynamoose inventory repositories on DynamoDB Local', async () => ({
  stock: new DynamooseStockRepository({ tableName: inventoryTableName() }),
  reservations: new DynamooseReservationRepository({ tableName: inventoryTableName() }),
  outboxFor: async (orderId) =>
    (await table.outboxItems(orderId)).map((item) => JSON.parse(String(item['envelope'])) as EventEnvelope),
}));
