import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startLocalCloudForTests } from '../test/support/local-cloud-under-test';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * Nothing but the developer's own tools can use the local cloud: no other Host (DNS rebinding), no other
 * origin's page, no unsigned or mis-signed AWS call, no cross-site form on its own endpoints.
 */
const workspaceRoot = join(__dirname, '..', '..', '..');
let cloud: RunningLocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloudForTests(workspaceRoot, () => undefined);
}, 90_000);
afterAll(() => cloud?.close());

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw request: fetch may not set Host, and a rebinding page's Host is exactly what is tested. */
const send = (
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const target = new URL(url.replace(/^ws:/, 'http:'));
    const call = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: {
          ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
          ...options.headers,
        },
      },
      (response) => {
        let body = '';
        response
          .setEncoding('utf8')
          .on('data', (chunk: string) => (body += chunk))
          .on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    call.on('error', reject).end(options.body);
  });

const portOf = (url: string) => new URL(url.replace(/^ws:/, 'http:')).port;
const codeOf = (answer: Answer) => (JSON.parse(answer.body) as { code: string }).code;

describe('Host checks on every listener (DNS rebinding)', () => {
  it.each(['restApi', 'httpApi', 'aws', 'dynamodb'] as const)(
    'the %s listener refuses a rebound name with 403 naming the setting',
    async (name) => {
      const url = cloud.endpoints[name];
      const answer = await send(`${url}/`, { headers: { host: `rebound.example:${portOf(url)}` } });
      expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 403, code: 'LOCAL.HOST_NOT_ALLOWED' });
      expect(answer.body).toContain('HARBOR_ALLOWED_HOSTS');
    },
  );

  it('the WebSocket listener refuses the upgrade of a rebound name', async () => {
    const answer = await send(`${cloud.endpoints.websocket}/`, {
      headers: {
        host: `rebound.example:${portOf(cloud.endpoints.websocket)}`,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 403, code: 'LOCAL.HOST_NOT_ALLOWED' });
  });

  it('answers 421 for a loopback name that names another port', async () => {
    const answer = await send(`${cloud.endpoints.aws}/_local/routes`, { headers: { host: 'localhost:1' } });
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 421, code: 'LOCAL.MISDIRECTED_REQUEST' });
  });

  it('answers localhost on its own port', async () => {
    expect(
      (
        await send(`${cloud.endpoints.aws}/_local/routes`, {
          headers: { host: `localhost:${portOf(cloud.endpoints.aws)}` },
        })
      ).status,
    ).toBe(200);
  });
});

describe('cross-site requests to the AWS endpoint', () => {
  it('refuses a page of another origin, even with a JSON body', async () => {
    const answer = await send(`${cloud.endpoints.aws}/_local/token`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
      body: '{"sub":"admin"}',
    });
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 403, code: 'LOCAL.FOREIGN_ORIGIN' });
    expect(answer.body).not.toContain('token"');
  });

  it('refuses a form post to SNS from another site (it once paid an order)', async () => {
    const form =
      'Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A000000000000%3Aharbor-e2e-payments&Message=%7B%7D';
    const answer = await send(`${cloud.endpoints.aws}/`, {
      method: 'POST',
      headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(answer.status).toBe(403);
  });

  it.each([
    ['/_local/token', 'text/plain', '{"sub":"admin"}'],
    ['/_console/send', 'text/plain', '{"method":"POST","url":"http://127.0.0.1/orders"}'],
    ['/_local/dlq/anything/redrive', undefined, ''],
    ['/_local/faults', 'application/x-www-form-urlencoded', 'a=b'],
  ])('takes %s with %s only as application/json (415)', async (path, contentType, body) => {
    const answer = await send(`${cloud.endpoints.aws}${path}`, {
      method: path === '/_local/faults' ? 'PUT' : 'POST',
      headers: contentType ? { 'content-type': contentType } : {},
      body,
    });
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 415, code: 'LOCAL.JSON_REQUIRED' });
  });
});

// AWS authenticates every call with SigV4: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
describe('SigV4 on the AWS endpoint', () => {
  const topicArn = 'arn:aws:sns:eu-west-1:000000000000:harbor-e2e-payments';
  const sns = (accessKeyId: string, secretAccessKey: string) =>
    new SNSClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });

  it('refuses an unsigned SNS call with MissingAuthenticationToken (https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html)', async () => {
    const answer = await send(`${cloud.endpoints.aws}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=Publish&TopicArn=${encodeURIComponent(topicArn)}&Message=x`,
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('refuses an SNS call signed with another secret (SignatureDoesNotMatch) or an unknown key (InvalidClientTokenId)', async () => {
    await expect(
      sns('local', 'not-the-secret').send(new PublishCommand({ TopicArn: topicArn, Message: '{}' })),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    await expect(
      sns('test', 'test').send(new PublishCommand({ TopicArn: topicArn, Message: '{}' })),
    ).rejects.toMatchObject({ name: 'InvalidClientTokenId', message: expect.stringContaining('"local"') });
  });

  it('refuses a truncated Authorization header with IncompleteSignature', async () => {
    const answer = await send(`${cloud.endpoints.aws}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20261206/eu-west-1/sns/aws4_request',
        'x-amz-date': '20261206T000000Z',
      },
      body: 'Action=ListTopics',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>IncompleteSignature</Code>');
  });

  it('refuses a mis-signed DynamoDB call before it reaches DynamoDB Local, and passes a signed one', async () => {
    const wrong = new DynamoDBClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'wrong' },
      maxAttempts: 1,
    });
    await expect(wrong.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    const right = new DynamoDBClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    expect((await right.send(new ListTablesCommand({}))).TableNames).toEqual(
      expect.arrayContaining(['harbor-e2e-orders']),
    );
    wrong.destroy();
    right.destroy();
  });

  it('refuses an unsigned @connections call as API Gateway does', async () => {
    const answer = await send(`${cloud.endpoints.aws}/v1/@connections/abc`, { method: 'POST', body: 'hi' });
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });
});
