// Test fixtures for handler tests (`@harbor/platform-lambda/testing`): Lambda events and contexts as AWS sends them.
export {
  deliver,
  dynamoDbStreamEvent,
  dynamoDbStreamRecord,
  eventBridgeEvent,
  httpApiEvent,
  invokeHttpApiRoute,
  jsonHttpApiRequest,
  jsonBodyOf,
  jsonRequest,
  lambdaContext,
  proxyEvent,
  snsEvent,
  type HttpApiEventInput,
  type ProxyEventInput,
  type SnsAttributes,
  type StreamRecordInput,
} from './lambda-fixtures';
