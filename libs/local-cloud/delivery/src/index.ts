export type { AwsHttpRequest, AwsHttpResponse, AwsServiceEndpoint } from './aws-http';
export { AsyncDelivery, DEFAULT_TIME_COMPRESSION, type AsyncDeliveryOptions } from './async-delivery';
export { DeadLetterStore, type NewDeadLetter, type Redeliver } from './dead-letter-store';
export type { DeadLetter, DeadLetterQueueView, RedriveResult } from './dead-letter';
export { deadLetterQueueName } from './dead-letter-queue-name';
export type { DeliveryFailure, FailureKind } from './delivery-failure';
export type {
  DeliveringService,
  DeliveryFaults,
  DeliveryRequest,
  DeliveryTarget,
  ServiceRetryPolicy,
} from './delivery-request';
export { DeadLetterQueueNotFound, InvalidDeliverySetting } from './errors';
export {
  eventBridgeDelayMs,
  LAMBDA_FUNCTION_ERROR_DELAYS_MS,
  LAMBDA_MAXIMUM_EVENT_AGE_MS,
  lambdaFunctionErrorDelayMs,
  lambdaThrottleDelayMs,
  SNS_MANAGED_ENDPOINT_RETRIES,
  snsManagedEndpointDelayMs,
} from './retry-schedules';
