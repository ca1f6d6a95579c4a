// Test fixtures for handler tests (`@harbor/platform-lambda/testing`): Lambda events and contexts as AWS sends them.
export {
  dynamoDbStreamEvent,
  dynamoDbStreamRecord,
  eventBridgeEvent,
  httpApiEvent,
  jsonHttpApiRequest,
  jsonBodyOf,
  jsonRequest,
  lambdaContext,
  proxyEvent,
  type HttpApiEventInput,
  type ProxyEventInput,
  type StreamRecordInput,
} from './lambda-fixtures';
