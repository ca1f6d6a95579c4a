import { CryptoIdGenerator, DynamooseOrderRepository, SystemClock } from '@harbor/orders-adapters';
import { CancelOrder, GetOrder, ListCustomerOrders, PlaceOrder, type OrderRepository } from '@harbor/orders-application';

// Wiring of the orders use cases to their adapters. Built on first use rather than at import, so a cold start
// pays only for what its handler needs and tests can point the environment at their own tables first.

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the function's environment must name it (apps/orders/api/functions.yaml)`);
  return value;
}

let repository: OrderRepository | undefined;
const orderRepository = (): OrderRepository => (repository ??= new DynamooseOrderRepository({ tableName: requiredEnv('ORDERS_TABLE_NAME') }));
const clock = new SystemClock();
const idGenerator = new CryptoIdGenerator();

export const placeOrder = (): PlaceOrder => new PlaceOrder({ orderRepository: orderRepository(), clock, idGenerator });
export const getOrder = (): GetOrder => new GetOrder({ orderRepository: orderRepository() });
export const listCustomerOrders = (): ListCustomerOrders => new ListCustomerOrders({ orderRepository: orderRepository() });
export const cancelOrder = (): CancelOrder => new CancelOrder({ orderRepository: orderRepository(), clock, idGenerator });
