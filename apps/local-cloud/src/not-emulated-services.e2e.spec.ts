import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { join } from 'node:path';
import { awsCli } from '../test/support/aws-cli';
import { signedAwsFetch, startLocalCloudForTests } from '../test/support/local-cloud-under-test';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * Functions get AWS_ENDPOINT_URL pointing at the local AWS endpoint, so an SDK client of a service the local cloud
 * does not emulate is refused there, loudly and in its own protocol, instead of reaching AWS with the local keys.
 * Real SDK clients against a running local cloud (the fixture workspace's probe service).
 */
const fixtureRoot = join(__dirname, '..', 'test', 'fixtures', 'workspace');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let cloud: RunningLocalCloud;
const warnings: string[] = [];
const local = () => ({ endpoint: cloud.endpoints.aws, region: 'eu-west-1', credentials, maxAttempts: 1 });

beforeAll(async () => {
  cloud = await startLocalCloudForTests(
    fixtureRoot,
    () => undefined,
    [],
    (line) => warnings.push(line),
  );
}, 60_000);

afterAll(() => cloud?.close());

describe('a call to a service the local cloud does not emulate', () => {
  it('is refused with 400 UnknownOperationException naming S3 and the action (restXml: S3 ListBuckets, GetObject)', async () => {
    const s3 = new S3Client(local());
    await expect(s3.send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('The local cloud does not emulate S3 ListBuckets'),
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      s3.send(new GetObjectCommand({ Bucket: 'harbor-e2e-invoices', Key: 'orders/1.pdf' })),
    ).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('S3 GetObject (GET /harbor-e2e-invoices/orders/1.pdf)'),
    });
    s3.destroy();
  });

  it('names SSM and the action of a JSON-protocol call (X-Amz-Target AmazonSSM.GetParameter)', async () => {
    const ssm = new SSMClient(local());
    await expect(ssm.send(new GetParameterCommand({ Name: '/harbor/e2e/flag' }))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('SSM (Systems Manager) GetParameter (X-Amz-Target AmazonSSM.GetParameter)'),
      $metadata: { httpStatusCode: 400 },
    });
    ssm.destroy();
  });

  it('answers a query-protocol call signed for STS in its XML, never as if it were meant for SNS', async () => {
    const answer = await signedAwsFetch(
      cloud,
      'sts',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'Action=GetCallerIdentity&Version=2011-06-15',
    );
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain('<Code>UnknownOperationException</Code>');
    expect(body).toContain('The local cloud does not emulate STS GetCallerIdentity (Action=GetCallerIdentity)');
  });

  it('is said once per service and action in the local cloud’s own log', async () => {
    const s3 = new S3Client(local());
    for (let call = 0; call < 3; call++) await s3.send(new ListBucketsCommand({})).catch(() => undefined);
    s3.destroy();
    expect(warnings.filter((line) => line.includes('S3 ListBuckets'))).toEqual([
      '[local-cloud] not emulated, refused with 400: S3 ListBuckets (GET /) (said once per service and action)',
    ]);
    expect(warnings.filter((line) => line.includes('S3 GetObject'))).toHaveLength(1);
  });

  it('reaches a function’s own client through AWS_ENDPOINT_URL: SSM is refused locally, not by AWS', async () => {
    const lambda = new LambdaClient(local());
    const answer = await lambda.send(
      new InvokeCommand({ FunctionName: 'harbor-e2e-probe-readParameter', Payload: Buffer.from('{}') }),
    );
    lambda.destroy();
    expect(answer.FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(answer.Payload ?? []).toString('utf8'))).toEqual({
      name: 'UnknownOperationException',
      message: expect.stringContaining('The local cloud does not emulate SSM (Systems Manager) GetParameter'),
      status: 400,
    });
  });
});

describe('a call of the AWS CLI to a service the local cloud does not emulate', () => {
  it.each([
    ['aws s3 ls', ['s3', 'ls'], 'S3 ListBuckets'],
    [
      'aws ssm get-parameter',
      ['ssm', 'get-parameter', '--name', '/harbor/e2e/flag'],
      'SSM (Systems Manager) GetParameter',
    ],
  ])('fails with the local refusal: %s', async (_, args, named) => {
    await expect(awsCli(cloud, args)).rejects.toMatchObject({
      stderr: expect.stringMatching(
        new RegExp(
          `UnknownOperationException[^\\n]*The local cloud does not emulate ${named.replace(/[()]/g, '\\$&')}`,
        ),
      ),
    });
  });
});

describe('the SDK’s endpoint precedence the local function environment relies on', () => {
  it('prefers AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL', async () => {
    const saved = { global: process.env['AWS_ENDPOINT_URL'], lambda: process.env['AWS_ENDPOINT_URL_LAMBDA'] };
    // The REST API listener answers API Gateway's 403 to anything unrouted: a client that took it would fail.
    process.env['AWS_ENDPOINT_URL'] = cloud.endpoints.restApi;
    process.env['AWS_ENDPOINT_URL_LAMBDA'] = cloud.endpoints.aws;
    const lambda = new LambdaClient({ region: 'eu-west-1', credentials, maxAttempts: 1 });
    try {
      const answer = await lambda.send(
        new InvokeCommand({
          FunctionName: 'harbor-e2e-probe-echo',
          Payload: Buffer.from('{"via":"service variable"}'),
        }),
      );
      expect(JSON.parse(Buffer.from(answer.Payload ?? []).toString('utf8'))).toMatchObject({
        received: { via: 'service variable' },
      });
    } finally {
      lambda.destroy();
      for (const [name, value] of [
        ['AWS_ENDPOINT_URL', saved.global],
        ['AWS_ENDPOINT_URL_LAMBDA', saved.lambda],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
