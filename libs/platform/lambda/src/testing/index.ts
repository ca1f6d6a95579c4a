// Test fixtures for handler tests (`@harbor/platform-lambda/testing`): Lambda events and contexts as AWS sends them.
export { eventBridgeEvent, jsonBodyOf, jsonRequest, lambdaContext, proxyEvent, type ProxyEventInput } from './lambda-fixtures';
