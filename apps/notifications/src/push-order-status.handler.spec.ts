import { InvalidEventError } from '@harbor/platform-lambda';
import { startConnectionsEndpoint } from '../test/fake-connections-endpoint';
import { freshNotificationsTables, type NotificationsTables } from '../test/fresh-notifications-tables';
import { deliver, snsEvent, statusChanged, webSocketEvent } from '../test/lambda-events';
import { handler as openConnection } from './open-connection.handler';
import { handler as pushOrderStatus } from './push-order-status.handler';

let tables: NotificationsTables;
let connections: Awaited<ReturnType<typeof startConnectionsEndpoint>>;

beforeAll(async () => {
  tables = await freshNotificationsTables();
  connections = await startConnectionsEndpoint();
  process.env.AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI = connections.url;
});
afterAll(async () => {
  tables.close();
  await connections.stop();
});
beforeEach(() => connections.posted.splice(0));

const connect = (connectionId: string, customerId: string) =>
  deliver(openConnection, webSocketEvent('$connect', connectionId, { customerId }));
const storedConnectionsOf = async (customerId: string) =>
  (await tables.items())
    .filter((item) => item['customerId'] === customerId && item['sk'] === 'CONNECTION')
    .map((item) => item['connectionId']);

describe('pushOrderStatus (OrderStatusChanged from the order-status topic)', () => {
  it('posts {type, orderId, status} to each connection of the order’s customer only', async () => {
    await connect('alice-1', 'alice');
    await connect('alice-2', 'alice');
    await connect('bob-1', 'bob');
    const { orderId, event } = statusChanged({ customerId: 'alice', status: 'CONFIRMED' });

    await deliver(pushOrderStatus, event);

    const message = { type: 'order.status', orderId, status: 'CONFIRMED' };
    expect(connections.posted).toEqual([
      { connectionId: 'alice-1', data: message },
      { connectionId: 'alice-2', data: message },
    ]);
  });

  it('pushes the same message delivered twice only once', async () => {
    await connect('carol-1', 'carol');
    const { event } = statusChanged({ customerId: 'carol', status: 'PENDING' });

    await deliver(pushOrderStatus, event);
    await deliver(pushOrderStatus, event);

    expect(connections.posted).toHaveLength(1);
  });

  it('removes a connection API Gateway answers 410 Gone for, and still serves the others', async () => {
    await connect('dave-old', 'dave');
    await connect('dave-new', 'dave');
    connections.close('dave-old');

    await deliver(pushOrderStatus, statusChanged({ customerId: 'dave', status: 'PAID' }).event);

    expect(connections.posted.map((posted) => posted.connectionId)).toEqual(['dave-new']);
    expect(await storedConnectionsOf('dave')).toEqual(['dave-new']);
  });

  it('throws a message that breaks the contract, naming the field, and pushes nothing', async () => {
    await connect('erin-1', 'erin');
    const { event } = statusChanged({ customerId: 'erin', status: 'CONFIRMED' });
    const broken = snsEvent(
      event.Records[0]!.Sns.Message.replace('"CONFIRMED"', '"SHIPPED"'),
      event.Records[0]!.Sns.MessageAttributes as never,
    );

    const failure = deliver(pushOrderStatus, broken);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow('status');
    expect(connections.posted).toEqual([]);
  });
});
