import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResult,
  AttributeValue,
  Context,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  SNSEvent,
} from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export interface ProxyEventInput {
  readonly method?: string;
  readonly path?: string;
  readonly resource?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly query?: Record<string, string>;
  readonly pathParameters?: Record<string, string>;
  /** Cognito user pool claims; `null` for a request without an authorizer. */
  readonly claims?: Record<string, string> | null;
  readonly requestId?: string;
}

/** An API Gateway REST (v1 proxy) event as a Cognito-authorised route receives it. */
export function proxyEvent(input: ProxyEventInput = {}): APIGatewayProxyEvent {
  const headers = input.headers ?? {};
  const claims =
    input.claims === undefined ? { sub: 'customer-1', 'cognito:groups': 'customers', token_use: 'id' } : input.claims;
  const requestId = input.requestId ?? randomUUID();
  return {
    resource: input.resource ?? '/orders',
    path: input.path ?? '/orders',
    httpMethod: input.method ?? 'POST',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, [value]])),
    queryStringParameters: input.query ?? null,
    multiValueQueryStringParameters: input.query
      ? Object.fromEntries(Object.entries(input.query).map(([key, value]) => [key, [value]]))
      : null,
    pathParameters: input.pathParameters ?? null,
    stageVariables: null,
    body: input.body ?? null,
    isBase64Encoded: input.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer: claims ? { claims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: input.method ?? 'POST',
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.7',
        user: null,
        userAgent: 'jest',
        userArn: null,
      },
      path: `/dev${input.path ?? '/orders'}`,
      stage: 'dev',
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: 'res123',
      resourcePath: input.resource ?? '/orders',
    },
  };
}

/** A JSON request as a client sends it. */
export function jsonRequest(body: unknown, input: ProxyEventInput = {}): APIGatewayProxyEvent {
  return proxyEvent({
    ...input,
    headers: { 'Content-Type': 'application/json', ...input.headers },
    body: JSON.stringify(body),
  });
}

export interface HttpApiEventInput {
  readonly method?: string;
  /** The route key's path, e.g. `/inventory/items/{sku}`. */
  readonly routePath?: string;
  readonly rawPath?: string;
  /** Lower case, as payload 2.0 delivers them. */
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  readonly query?: Record<string, string>;
  readonly pathParameters?: Record<string, string>;
  /** JWT claims as the authorizer hands them over (every value a string); `null` for a route without one. */
  readonly claims?: Record<string, string> | null;
  /** The token's scopes as the authorizer lists them (null when it has none). */
  readonly scopes?: string[] | null;
  readonly requestId?: string;
}

/** An API Gateway HTTP API (payload 2.0) event as a JWT-authorised route receives it; empty parts are absent, as AWS sends them. */
export function httpApiEvent(input: HttpApiEventInput = {}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const method = input.method ?? 'GET';
  const routePath = input.routePath ?? input.rawPath ?? '/';
  const rawPath = input.rawPath ?? routePath;
  const claims =
    input.claims === undefined
      ? { sub: 'admin-1', 'cognito:groups': '[admin]', token_use: 'access', scope: 'inventory/admin' }
      : input.claims;
  const scopes = input.scopes === undefined ? (claims?.['scope']?.split(' ') ?? null) : input.scopes;
  const requestId = input.requestId ?? randomUUID();
  const event = {
    version: '2.0',
    routeKey: `${method} ${routePath}`,
    rawPath,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...input.headers },
    ...(input.query ? { queryStringParameters: input.query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes } } } : {}),
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'jest' },
      requestId,
      routeKey: `${method} ${routePath}`,
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: Date.now(),
    },
    ...(input.body === undefined ? {} : { body: input.body }),
    isBase64Encoded: input.isBase64Encoded ?? false,
  };
  // Claims-less events (open routes) have no authorizer at all, which the JWT event type does not model.
  return event as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A JSON request to an HTTP API route as a client sends it. */
export function jsonHttpApiRequest(
  body: unknown,
  input: HttpApiEventInput = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  return httpApiEvent({
    method: 'PUT',
    ...input,
    headers: { 'content-type': 'application/json', ...input.headers },
    body: JSON.stringify(body),
  });
}

export function eventBridgeEvent<D>(detailType: string, detail: D): EventBridgeEvent<string, D> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'harbor.orders',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

export interface StreamRecordInput {
  readonly keys: Record<string, AttributeValue>;
  readonly newImage?: Record<string, AttributeValue>;
  readonly oldImage?: Record<string, AttributeValue>;
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly sequenceNumber: string;
}

/** One DynamoDB stream record as Lambda delivers it (a NEW_AND_OLD_IMAGES stream of harbor-test-orders). */
export function dynamoDbStreamRecord(input: StreamRecordInput): DynamoDBRecord {
  return {
    eventID: randomUUID().replace(/-/g, ''),
    eventName: input.eventName ?? 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: input.keys,
      ...(input.newImage ? { NewImage: input.newImage } : {}),
      ...(input.oldImage ? { OldImage: input.oldImage } : {}),
      SequenceNumber: input.sequenceNumber,
      SizeBytes: JSON.stringify([input.keys, input.newImage, input.oldImage]).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/harbor-test-orders/stream/2026-01-01T00:00:00.000',
  };
}

export function dynamoDbStreamEvent(records: readonly DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: [...records] };
}

/** A Lambda context like the runtime's, with a deadline. */
export function lambdaContext(functionName = 'harbor-test-orders-placeOrder', timeoutMs = 10_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/01/01/[$LATEST]abc',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The parsed JSON body of a proxy result. */
export function jsonBodyOf(result: { body: string }): Record<string, unknown> {
  return JSON.parse(result.body) as Record<string, unknown>;
}

/**
 * Invokes an HTTP API route handler as the function `functionName` with a payload 2.0 event (a JSON request when
 * `json` is given) and parses the JSON body of its result.
 */
export async function invokeHttpApiRoute(
  handler: unknown,
  input: HttpApiEventInput & { json?: unknown },
  functionName: string,
) {
  const event = input.json === undefined ? httpApiEvent(input) : jsonHttpApiRequest(input.json, input);
  const route = handler as (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;
  const result = await route(event, lambdaContext(functionName));
  return { ...result, json: result.body ? jsonBodyOf(result) : undefined };
}

export type SnsAttributes = Record<string, { Type: 'String' | 'Number'; Value: string }>;

/** An SNS notification as Lambda receives it from a subscription to `harbor-test-<topic>` (one record). */
export function snsEvent(message: string, attributes: SnsAttributes, topic = 'topic'): SNSEvent {
  const topicArn = `arn:aws:sns:eu-west-1:123456789012:harbor-test-${topic}`;
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:sub`,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: new Date().toISOString(),
          Signature: 'test',
          SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/cert.pem',
          MessageId: randomUUID(),
          Message: message,
          MessageAttributes: attributes,
          Type: 'Notification',
          UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
          TopicArn: topicArn,
          Subject: '',
        },
      },
    ],
  };
}

type AsyncHandler<E> = (event: E, context: Context) => Promise<unknown>;

/** Calls a Middy handler with an asynchronous event as the Lambda runtime would. */
export const deliver = <E, R = unknown>(handler: unknown, event: E, functionName?: string): Promise<R> =>
  (handler as AsyncHandler<E>)(event, lambdaContext(functionName)) as Promise<R>;
