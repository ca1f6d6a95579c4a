import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { PlaceOrderRequest } from '@harbor/contracts';
import { toOrderView } from '@harbor/orders-application';
import { httpHandler } from '@harbor/platform-lambda';
import { placeOrder } from './composition-root';
import { observability } from './observability';

/**
 * POST /orders — places an order for the caller, every line priced from orders' copy of the catalog (the body
 * carries no price); replayed, not repeated, for a reused Idempotency-Key.
 */
export const handler = httpHandler(
  { observability, bodySchema: PlaceOrderRequest, idempotency: true },
  async ({ event, body, caller, correlationId, metrics }) => {
    const requestKey = event.headers['idempotency-key'];
    const order = await placeOrder().execute(
      { currency: body.currency, lines: body.lines, ...(requestKey ? { requestKey } : {}) },
      { customerId: caller.customerId, correlationId },
    );
    metrics.addMetric('OrderPlaced', MetricUnit.Count, 1);
    const view = toOrderView(order);
    return { statusCode: 201, body: view, headers: { location: `/orders/${view.orderId}` } };
  },
);
