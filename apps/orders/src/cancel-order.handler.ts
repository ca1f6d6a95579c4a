import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { OrderIdParams } from '@harbor/contracts';
import { toOrderView } from '@harbor/orders-application';
import { httpHandler } from '@harbor/platform-lambda';
import { cancelOrder } from './composition-root';
import { observability } from './observability';

/** POST /orders/{orderId}/cancel — cancels the caller's own pending or confirmed order. */
export const handler = httpHandler(
  { observability, pathSchema: OrderIdParams },
  async ({ path, caller, correlationId, metrics }) => {
    const order = await cancelOrder().execute(
      { orderId: path.orderId },
      { customerId: caller.customerId, correlationId },
    );
    metrics.addMetric('OrderCancelled', MetricUnit.Count, 1);
    return { statusCode: 200, body: toOrderView(order) };
  },
);
