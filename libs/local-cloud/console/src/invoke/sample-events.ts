/**
 * One sample event per event source the local cloud delivers, as `sam local generate-event` offers them
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-local-generate-event.html),
 * shaped as the event each service's documentation shows. A starting point for the invoke form: edit, then send.
 */
export interface SampleEvent {
  readonly id: string;
  readonly title: string;
  /** The AWS page documenting this event's shape. */
  readonly docs: string;
  readonly event: unknown;
}

const ACCOUNT = '000000000000';
const REGION = 'eu-west-1';
const TIME = '2026-01-01T12:00:00Z';
const EPOCH = 1_767_268_800_000;

const restProxy = {
  resource: '/orders/{orderId}',
  path: '/orders/o-1',
  httpMethod: 'GET',
  headers: { accept: 'application/json', 'x-correlation-id': 'sample-rest' },
  multiValueHeaders: { accept: ['application/json'], 'x-correlation-id': ['sample-rest'] },
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: { orderId: 'o-1' },
  stageVariables: null,
  requestContext: {
    accountId: ACCOUNT,
    apiId: 'local',
    resourceId: 'sample',
    resourcePath: '/orders/{orderId}',
    httpMethod: 'GET',
    path: '/local/orders/o-1',
    stage: 'local',
    protocol: 'HTTP/1.1',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    requestTime: '01/Jan/2026:12:00:00 +0000',
    requestTimeEpoch: EPOCH,
    identity: { sourceIp: '127.0.0.1', userAgent: 'harbor-console' },
    authorizer: { claims: { sub: 'alice' } },
  },
  body: null,
  isBase64Encoded: false,
};

const httpApiV2 = {
  version: '2.0',
  routeKey: 'POST /products',
  rawPath: '/products',
  rawQueryString: '',
  headers: { 'content-type': 'application/json', 'x-correlation-id': 'sample-http' },
  requestContext: {
    accountId: ACCOUNT,
    apiId: 'local',
    domainName: '127.0.0.1',
    domainPrefix: '127',
    http: { method: 'POST', path: '/products', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'harbor' },
    requestId: 'JKJaXmPLvHcESHA=',
    routeKey: 'POST /products',
    stage: '$default',
    time: '01/Jan/2026:12:00:00 +0000',
    timeEpoch: EPOCH,
    authorizer: { jwt: { claims: { sub: 'alice', scope: 'catalog/admin' }, scopes: ['catalog/admin'] } },
  },
  body: JSON.stringify({ sku: 'SKU-1', prices: { EUR: 1250 } }),
  isBase64Encoded: false,
};

const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:harbor-local-sample-topic`;
const sns = {
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: `${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
      Sns: {
        Type: 'Notification',
        MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
        TopicArn: topicArn,
        Subject: null,
        Message: JSON.stringify({ orderId: 'o-1', status: 'CONFIRMED' }),
        Timestamp: '2026-01-01T12:00:00.000Z',
        SignatureVersion: '1',
        Signature: 'EXAMPLE',
        SigningCertUrl: 'EXAMPLE',
        UnsubscribeUrl: 'EXAMPLE',
        MessageAttributes: { correlationId: { Type: 'String', Value: 'sample-sns' } },
      },
    },
  ],
};

const eventBridge = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'OrderPlaced',
  source: 'harbor.orders',
  account: ACCOUNT,
  time: TIME,
  region: REGION,
  resources: [],
  detail: { correlationId: 'sample-eventbridge', orderId: 'o-1', lines: [{ sku: 'SKU-1', quantity: 1 }] },
};

const dynamodbStream = {
  Records: [
    {
      eventID: '1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: REGION,
      dynamodb: {
        ApproximateCreationDateTime: EPOCH / 1000,
        Keys: { pk: { S: 'ORDER#o-1' }, sk: { S: 'ORDER' } },
        NewImage: { pk: { S: 'ORDER#o-1' }, sk: { S: 'ORDER' }, status: { S: 'CONFIRMED' } },
        OldImage: { pk: { S: 'ORDER#o-1' }, sk: { S: 'ORDER' }, status: { S: 'PENDING' } },
        SequenceNumber: '111',
        SizeBytes: 26,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/harbor-local-sample/stream/2026-01-01T00:00:00.000`,
    },
  ],
};

const websocketMessage = {
  requestContext: {
    routeKey: 'subscribe',
    eventType: 'MESSAGE',
    messageId: 'aN7mCcUtIAMCJkw=',
    extendedRequestId: 'aN7mCGSbIAMFrIA=',
    requestTime: '01/Jan/2026:12:00:00 +0000',
    messageDirection: 'IN',
    stage: 'local',
    connectedAt: EPOCH,
    requestTimeEpoch: EPOCH,
    identity: { sourceIp: '127.0.0.1' },
    requestId: 'aN7mCGSbIAMFrIA=',
    domainName: '127.0.0.1',
    connectionId: 'aN7mBeRQIAMCJkw=',
    apiId: 'local',
  },
  body: JSON.stringify({ action: 'subscribe', orderId: 'o-1' }),
  isBase64Encoded: false,
};

export const SAMPLE_EVENTS: readonly SampleEvent[] = [
  {
    id: 'apigateway-rest',
    title: 'API Gateway REST API (proxy integration)',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html',
    event: restProxy,
  },
  {
    id: 'apigateway-http',
    title: 'API Gateway HTTP API (payload format 2.0)',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html',
    event: httpApiV2,
  },
  {
    id: 'sns',
    title: 'SNS notification',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html',
    event: sns,
  },
  {
    id: 'eventbridge',
    title: 'EventBridge event',
    docs: 'https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html',
    event: eventBridge,
  },
  {
    id: 'dynamodb-stream',
    title: 'DynamoDB stream record (MODIFY)',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html',
    event: dynamodbStream,
  },
  {
    id: 'websocket',
    title: 'API Gateway WebSocket message',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html',
    event: websocketMessage,
  },
];
