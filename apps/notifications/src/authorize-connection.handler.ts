import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { traceHandler } from '@harbor/platform-lambda';
import middy from '@middy/core';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { tokenVerifier } from './composition-root';
import { observability } from './observability';

const { logger, metrics } = observability;

/**
 * `$connect`'s REQUEST authorizer: `?token=` must be a valid user pool token; its `sub` is the customer, passed on
 * as the `customerId` context the connection is stored under. A missing or invalid token throws `Unauthorized`,
 * which API Gateway answers 401 without opening the socket.
 */
export async function authorizeConnection(
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.['token'] ?? '';
  const customer = token === '' ? undefined : await tokenVerifier().verify(token);
  if (!customer) {
    metrics.addMetric('ConnectionTokensRefused', MetricUnit.Count, 1);
    throw new Error('Unauthorized');
  }
  return {
    principalId: customer.customerId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { customerId: customer.customerId },
  };
}

export const handler = middy<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(traceHandler(observability))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(authorizeConnection);
