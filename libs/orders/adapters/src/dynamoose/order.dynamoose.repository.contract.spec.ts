import type { EventEnvelope } from '@harbor/contracts';
import { describeOrderRepositoryContract } from '@harbor/orders-application/testing';
import { ordersTableName, RawOrdersTable } from '../../test/orders-table';
import { DynamooseOrderRepository } from './order.dynamoose.repository';

const table = new RawOrdersTable();
afterAll(() => table.destroy());

describeOrderRepositoryContract('DynamooseOrderRepository on DynamoDB Local', async () => ({
  repository: new DynamooseOrderRepository({ tableName: ordersTableName() }),
  outboxFor: async (orderId) =>
    (await table.outboxItems(orderId)).map((item) => JSON.parse(String(item['envelope'])) as EventEnvelope),
}));
