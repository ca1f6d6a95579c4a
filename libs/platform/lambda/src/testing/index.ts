// Test fixtures for handler tests (`@harbor/platform-lambda/testing`): Lambda events and contexts as AWS sends them.
export {
  dynamoDbStreamEvent,
  dynamoDbStreamRecord,
  eventBridgeEvent,
  jsonBodyOf,
  jsonRequest,
  lambdaContext,
  proxyEvent,
  type ProxyEventInput,
  type StreamRecordInput,
} from './lambda-fixtures';
