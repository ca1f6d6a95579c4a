import { OrderIdParams } from '@harbor/contracts';
import { toOrderView } from '@harbor/orders-application';
import { httpHandler } from '@harbor/platform-lambda';
import { getOrder } from './composition-root';
import { observability } from './observability';

/** GET /orders/{orderId} — the caller's own order; anyone else's answers 404, as if it did not exist. */
export const handler = httpHandler(
  { observability, pathSchema: OrderIdParams },
  async ({ path, caller, correlationId }) => {
    const order = await getOrder().execute({ orderId: path.orderId }, { customerId: caller.customerId, correlationId });
    return { statusCode: 200, body: toOrderView(order) };
  },
);
