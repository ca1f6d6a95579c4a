import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { openConnection } from './composition-root';
import { observability } from './observability';
import { webSocketRouteHandler } from '@harbor/platform-lambda';

/**
 * `$connect`: stores the connection under the customer the authorizer named (never one the client chose). Without
 * that context the route is misconfigured: 403 refuses the handshake.
 */
export const handler = webSocketRouteHandler(observability, async ({ event, connectionId, logger, metrics }) => {
  const customerId = event.requestContext.authorizer?.['customerId'];
  if (typeof customerId !== 'string' || customerId === '') {
    logger.error('$connect reached without the authorizer naming a customer', { connectionId });
    return { statusCode: 403 };
  }
  await openConnection().execute({ connectionId, customerId });
  metrics.addMetric('ConnectionsOpened', MetricUnit.Count, 1);
  return { statusCode: 200 };
});
