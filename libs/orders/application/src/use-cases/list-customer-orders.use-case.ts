import { ORDER_PAGE_LIMIT_DEFAULT, ORDER_PAGE_LIMIT_MAX, ORDER_PAGE_LIMIT_MIN } from '@harbor/contracts';
import { CustomerId, type Order } from '@harbor/orders-domain';
import { InvalidPageLimit } from '../errors';
import type { OrderRepository } from '../ports/order.repository.port';
import type { RequestContext } from '../request-context';

export interface ListCustomerOrdersCommand {
  /** 1..100; 20 when absent. */
  readonly limit?: number;
  /** The `nextToken` of the previous page. */
  readonly nextToken?: string;
}

export interface CustomerOrdersPage {
  readonly items: Order[];
  readonly nextToken?: string;
}

export interface ListCustomerOrdersDependencies {
  readonly orderRepository: OrderRepository;
}

export class ListCustomerOrders {
  constructor(private readonly deps: ListCustomerOrdersDependencies) {}

  /** One page of the caller's own orders, newest first. */
  async execute(command: ListCustomerOrdersCommand, context: RequestContext): Promise<CustomerOrdersPage> {
    const limit = command.limit ?? ORDER_PAGE_LIMIT_DEFAULT;
    if (!Number.isInteger(limit) || limit < ORDER_PAGE_LIMIT_MIN || limit > ORDER_PAGE_LIMIT_MAX) {
      throw new InvalidPageLimit({ field: 'limit', min: ORDER_PAGE_LIMIT_MIN, max: ORDER_PAGE_LIMIT_MAX });
    }
    const page = await this.deps.orderRepository.listByCustomer(CustomerId.create(context.customerId), {
      limit,
      ...(command.nextToken === undefined ? {} : { cursor: command.nextToken }),
    });
    return { items: page.items, ...(page.nextCursor === undefined ? {} : { nextToken: page.nextCursor }) };
  }
}
