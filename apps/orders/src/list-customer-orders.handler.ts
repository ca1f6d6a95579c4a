import { ListOrdersQuery } from '@harbor/contracts';
import { toOrderPageView } from '@harbor/orders-application';
import { httpHandler } from '@harbor/platform-lambda';
import { listCustomerOrders } from './composition-root';
import { observability } from './observability';

/** GET /orders — one page of the caller's orders, newest first (`limit`, `nextToken`). */
export const handler = httpHandler(
  { observability, querySchema: ListOrdersQuery },
  async ({ query, caller, correlationId }) => {
    const page = await listCustomerOrders().execute(
      { limit: query.limit, ...(query.nextToken === undefined ? {} : { nextToken: query.nextToken }) },
      { customerId: caller.customerId, correlationId },
    );
    return { statusCode: 200, body: toOrderPageView(page) };
  },
);
