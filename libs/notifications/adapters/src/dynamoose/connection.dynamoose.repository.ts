import type { ConnectionRepository } from '@harbor/notifications-application';
import { CustomerConnection } from '@harbor/notifications-domain';
import { SortOrder } from 'dynamoose/dist/General';
import {
  BY_CUSTOMER_INDEX,
  CONNECTION_SK,
  connectionPk,
  customerConnectionSk,
  customerPk,
} from './notifications-table.keys';
import { notificationsTableModels, type NotificationsTableModels } from './notifications-table.models';
import type { ConnectionRecord } from './notifications-table.items';

export interface DynamooseRepositoryOptions {
  /** Physical name of the notifications table (the function's NOTIFICATIONS_TABLE_NAME). */
  readonly tableName: string;
}

const toPersistence = (connection: CustomerConnection): ConnectionRecord => {
  const { connectionId, customerId, connectedAt, expiresAt } = connection.toSnapshot();
  return {
    pk: connectionPk(connectionId),
    sk: CONNECTION_SK,
    gsi1pk: customerPk(customerId),
    gsi1sk: customerConnectionSk(connectedAt, connectionId),
    connectionId,
    customerId,
    connectedAt,
    expiresAt,
  };
};

const toDomain = (record: ConnectionRecord): CustomerConnection =>
  CustomerConnection.restore({
    connectionId: record.connectionId,
    customerId: record.customerId,
    connectedAt: new Date(record.connectedAt),
    expiresAt: new Date(record.expiresAt),
  });

/** ConnectionRepository on the notifications table through Dynamoose; the byCustomer index finds a customer's. */
export class DynamooseConnectionRepository implements ConnectionRepository {
  private readonly models: NotificationsTableModels;

  constructor(options: DynamooseRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamooseConnectionRepository needs a tableName');
    this.models = notificationsTableModels(options.tableName);
  }

  async save(connection: CustomerConnection): Promise<void> {
    await this.models.connections.create(toPersistence(connection), { overwrite: true });
  }

  async remove(connectionId: string): Promise<void> {
    await this.models.connections.delete({ pk: connectionPk(connectionId), sk: CONNECTION_SK });
  }

  async findByCustomer(customerId: string): Promise<CustomerConnection[]> {
    // Every page: a customer has a handful of connections, never enough to need paging by the caller.
    const found = await this.models.connections
      .query('gsi1pk')
      .eq(customerPk(customerId))
      .using(BY_CUSTOMER_INDEX)
      .sort(SortOrder.ascending)
      .all()
      .exec();
    return found.map(toDomain);
  }
}
