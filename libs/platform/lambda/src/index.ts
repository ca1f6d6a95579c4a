// Observability: one Powertools logger, tracer and metrics per service.
export { createObservability, METRICS_NAMESPACE, type Observability } from './observability/observability';
export { traceHandler } from './middleware/trace-handler.middleware';

// HTTP routes (API Gateway REST, v1 proxy events).
export { httpHandler, type HttpHandler } from './http/http-handler';
export type {
  AuthMode,
  HttpHandlerInput,
  HttpHandlerOptions,
  HttpResult,
  HttpRouteFunction,
} from './http/http-handler.types';
export { callerFromEvent, type Caller } from './http/caller';

// HTTP API routes (API Gateway v2, payload 2.0, JWT authorizer).
export { httpApiHandler, type HttpApiHandler } from './http-api/http-api-handler';
export type {
  HttpApiHandlerInput,
  HttpApiHandlerOptions,
  HttpApiRouteFunction,
  JwtAuthMode,
} from './http-api/http-api-handler.types';
export { callerFromJwtEvent } from './http-api/jwt-caller';
export type { CallerAccess } from './middleware/jwt-caller.middleware';

// EventBridge consumers.
export {
  eventHandler,
  type EventHandler,
  type EventHandlerInput,
  type EventHandlerOptions,
} from './events/event-handler';
export { InvalidEventError } from './events/invalid-event.error';
// EventBridge Scheduler targets.
export {
  scheduleHandler,
  type ScheduleHandler,
  type ScheduleHandlerInput,
  type ScheduleHandlerOptions,
} from './schedules/schedule-handler';
export { snsMessageHandler, type SnsMessageHandlerOptions, type SnsMessageInput } from './sns/sns-message-handler';

// WebSocket routes (API Gateway WebSocket APIs).
export {
  webSocketRouteHandler,
  type AuthorizedWebSocketEvent,
  type WebSocketRouteInput,
  type WebSocketRouteResult,
} from './websocket/websocket-route-handler';

// Secrets a service declares, read at run time (Powertools Parameters), never from the plain environment.
export { declaredSecret, SECRET_MAX_AGE_SECONDS, type DeclaredSecretOptions } from './secrets/declared-secret';

// DynamoDB stream consumers (partial batch responses).
export {
  dynamoDbStreamHandler,
  type DynamoDbStreamHandler,
  type DynamoDbStreamHandlerInput,
  type DynamoDbStreamHandlerOptions,
  type FailedSequenceNumbers,
} from './streams/dynamodb-stream-handler';

// RFC 9457 problems.
export { problem, problemResponse, PROBLEM_CONTENT_TYPE, type Problem, type ProblemInput } from './problems/problem';
export { HttpProblemError } from './problems/http-problem.error';
export { domainErrorProblem, statusOfDomainError } from './problems/domain-error.problem';

export { DEFAULT_MAX_BODY_BYTES } from './middleware/body-size-guard.middleware';
export type { IdempotencyOptions } from './middleware/idempotency.middleware';
