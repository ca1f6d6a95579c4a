export type { AwsHttpRequest, AwsHttpResponse, AwsServiceEndpoint } from './aws-http';
export { AsyncDelivery, DEFAULT_TIME_COMPRESSION, type AsyncDeliveryOptions } from './async-delivery';
export { DeadLetterStore, type NewDeadLetter, type Redeliver } from './dead-letter-store';
export { DeadLetterLog, type OpenedDeadLetterLog, type StoredDeadLetter } from './dead-letter-log';
export { DeliveryJournal, type JournaledDelivery } from './delivery-journal';
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
export { DeadLetterQueueNotFound, InvalidDeliverySetting, InvalidFaultConfig } from './errors';
export {
  NO_FAULTS,
  parseFaultConfig,
  type FaultConfig,
  type FunctionFault,
  type StreamFault,
  type TableFault,
} from './faults/fault-config';
export { FaultInjector, type FaultCategory, type FaultSnapshot } from './faults/fault-injector';
export { faultInjectingInvoker } from './faults/fault-injecting-invoker';
export { seededRandom } from './faults/seeded-random';
export {
  eventBridgeDelayMs,
  LAMBDA_FUNCTION_ERROR_DELAYS_MS,
  LAMBDA_MAXIMUM_EVENT_AGE_MS,
  lambdaFunctionErrorDelayMs,
  lambdaThrottleDelayMs,
  SNS_MANAGED_ENDPOINT_RETRIES,
  snsManagedEndpointDelayMs,
} from './retry-schedules';
