import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  CONTENT_SHA256_HEADER,
  MIN_SECRET_LENGTH,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifySignature,
} from '@harbor/contracts';
import { declaredSecret, traceHandler } from '@harbor/platform-lambda';
import middy from '@middy/core';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { observability } from './observability';

const { logger, metrics } = observability;
export const PRINCIPAL_ID = 'payment-provider';

/** The webhook's HMAC key: functions.yaml `secrets` names it in PAYMENT_WEBHOOK_SECRET_NAME. */
const webhookSecret = (): Promise<string> =>
  declaredSecret('PAYMENT_WEBHOOK_SECRET_NAME', { minLength: MIN_SECRET_LENGTH });

const headerOf = (event: APIGatewayRequestAuthorizerEvent, name: string): string | undefined =>
  Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? undefined;

const policy = (
  effect: 'Allow' | 'Deny',
  methodArn: string,
  context: Record<string, string> = {},
): APIGatewayAuthorizerResult => ({
  principalId: PRINCIPAL_ID,
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: methodArn }],
  },
  context,
});

/**
 * REQUEST authorizer of POST /payments/webhook: allows the call only when its HMAC-SHA256 signature (over the
 * timestamp and the body's digest) is right and fresh; passes the verified digest on as `contentSha256`, which the
 * integration publishes as a message attribute. Missing headers → 401 (thrown `Unauthorized`), wrong → 403 (Deny).
 */
export async function authorizePaymentWebhook(
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  const timestamp = headerOf(event, TIMESTAMP_HEADER);
  const contentSha256 = headerOf(event, CONTENT_SHA256_HEADER);
  const signature = headerOf(event, SIGNATURE_HEADER);
  if (!timestamp || !contentSha256 || !signature) throw new Error('Unauthorized');
  const verdict = verifySignature(
    await webhookSecret(),
    { timestamp, contentSha256: contentSha256.toLowerCase(), signature },
    new Date(),
  );
  if (!verdict.ok) {
    logger.warn('Payment webhook call refused', { reason: verdict.reason });
    metrics.addMetric('PaymentWebhookSignatureRefused', MetricUnit.Count, 1);
    return policy('Deny', event.methodArn);
  }
  return policy('Allow', event.methodArn, { contentSha256: contentSha256.toLowerCase() });
}

export const handler = middy<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(traceHandler(observability))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(authorizePaymentWebhook);
