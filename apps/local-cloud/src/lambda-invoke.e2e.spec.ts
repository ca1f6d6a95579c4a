import { InvokeCommand, LambdaClient, type InvokeCommandInput } from '@aws-sdk/client-lambda';
import { signedHeaders } from '@harbor/local-cloud-auth';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCli } from '../test/support/aws-cli';
import { startLocalCloudForTests } from '../test/support/local-cloud-under-test';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * Lambda's Invoke API on the AWS endpoint, through the real SDK client and the AWS CLI, on the fixture workspace's
 * probe service (echo, fail, and callEcho, which invokes echo through AWS_ENDPOINT_URL_LAMBDA).
 * What is checked is AWS's contract: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
const fixtureRoot = join(__dirname, '..', 'test', 'fixtures', 'workspace');
const ECHO = 'harbor-e2e-probe-echo';
const ECHO_ARN = `arn:aws:lambda:eu-west-1:000000000000:function:${ECHO}`;
let cloud: RunningLocalCloud;
let lambda: LambdaClient;

beforeAll(async () => {
  cloud = await startLocalCloudForTests(fixtureRoot, () => undefined);
  lambda = new LambdaClient({
    endpoint: cloud.endpoints.aws,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}, 60_000);

afterAll(async () => {
  lambda?.destroy();
  await cloud?.close();
});

const invoke = (input: Omit<InvokeCommandInput, 'Payload'> & { Payload?: string | Uint8Array }) =>
  lambda.send(
    new InvokeCommand({
      ...input,
      Payload: typeof input.Payload === 'string' ? Buffer.from(input.Payload) : input.Payload,
    }),
  );
const payloadOf = (answer: { Payload?: Uint8Array }): unknown =>
  JSON.parse(Buffer.from(answer.Payload ?? []).toString('utf8'));
const hopsOf = async (correlationId: string) =>
  (
    (await (await fetch(`${cloud.endpoints.aws}/_local/traces?correlationId=${correlationId}`)).json()) as {
      hops: { kind: string; name: string; detail?: Record<string, unknown> }[];
    }
  ).hops;

describe('Invoke, RequestResponse (API_Invoke.html: "the API response includes the function response")', () => {
  it('runs the function named as Terraform names it and answers its result, with X-Amz-Executed-Version $LATEST', async () => {
    const answer = await invoke({ FunctionName: ECHO, Payload: '{"greeting":"hello"}' });
    expect(answer.StatusCode).toBe(200);
    expect(answer.ExecutedVersion).toBe('$LATEST');
    expect(answer.FunctionError).toBeUndefined();
    expect(payloadOf(answer)).toEqual({ received: { greeting: 'hello' }, functionName: ECHO });
  });

  it.each([
    ['a full ARN', ECHO_ARN],
    ['a partial ARN', `000000000000:function:${ECHO}`],
    ['a name with the $LATEST qualifier', `${ECHO}:$LATEST`],
  ])('finds the function by %s', async (_, FunctionName) => {
    const answer = await invoke({ FunctionName, Payload: '[1,2]' });
    expect(payloadOf(answer)).toEqual({ received: [1, 2], functionName: ECHO });
  });

  it('gives the function {} when no payload is sent', async () => {
    expect(payloadOf(await invoke({ FunctionName: ECHO }))).toEqual({ received: {}, functionName: ECHO });
  });

  it('answers a function error as 200 with X-Amz-Function-Error: Unhandled and the error as the payload', async () => {
    const answer = await invoke({ FunctionName: 'harbor-e2e-probe-fail', Payload: '{}' });
    expect(answer.StatusCode).toBe(200);
    expect(answer.FunctionError).toBe('Unhandled');
    expect(payloadOf(answer)).toEqual({
      errorType: 'RangeError',
      errorMessage: 'the probe was told to fail',
      trace: expect.arrayContaining([expect.stringContaining('RangeError: the probe was told to fail')]),
    });
  });

  it('records the invocation in the trace under the request id it answers', async () => {
    const answer = await invoke({ FunctionName: ECHO, Payload: '{}' });
    const requestId = answer.$metadata.requestId ?? '';
    expect(await hopsOf(requestId)).toEqual([
      expect.objectContaining({
        kind: 'invoke',
        name: 'probe.echo',
        detail: expect.objectContaining({ requestId, invocationType: 'RequestResponse' }),
      }),
    ]);
  });

  it('lets a function invoke another through AWS_ENDPOINT_URL_LAMBDA, both invocations in one trace', async () => {
    const answer = await invoke({ FunctionName: 'harbor-e2e-probe-callEcho', Payload: '{"hop":2}' });
    expect(answer.FunctionError).toBeUndefined();
    expect(payloadOf(answer)).toEqual({ received: { hop: 2 }, functionName: ECHO });
    const hops = await hopsOf(answer.$metadata.requestId ?? '');
    expect(
      hops
        .filter((hop) => hop.kind === 'invoke')
        .map((hop) => hop.name)
        .sort(),
    ).toEqual(['probe.callEcho', 'probe.echo']);
  });
});

describe('Invoke with X-Amz-Log-Type: Tail (API_Invoke.html: "the last 4 KB of the execution log")', () => {
  const CHATTY = 'harbor-e2e-probe-chatty';
  const tailOf = (answer: { LogResult?: string }) => Buffer.from(answer.LogResult ?? '', 'base64').toString('utf8');

  it("answers the invocation's own output between Lambda's START, END and REPORT lines", async () => {
    const answer = await invoke({ FunctionName: CHATTY, LogType: 'Tail', Payload: '{"marker":"solo","lines":2}' });
    const requestId = answer.$metadata.requestId ?? '';
    const lines = tailOf(answer).trimEnd().split('\n');
    expect(lines[0]).toBe(`START RequestId: ${requestId} Version: $LATEST`);
    expect(lines.slice(1, 4)).toEqual([
      expect.stringMatching(new RegExp(`^\\S+\\t${requestId}\\tINFO\\tsolo line 1 $`)),
      expect.stringMatching(/\tsolo line 2 $/),
      JSON.stringify({ level: 'INFO', message: 'solo done' }),
    ]);
    expect(lines[4]).toBe(`END RequestId: ${requestId}`);
    expect(lines[5]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${requestId}\tDuration: [\\d.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB`,
      ),
    );
  });

  it("keeps each of two interleaved invocations' output apart", async () => {
    const [left, right] = await Promise.all(
      ['left', 'right'].map((marker) =>
        invoke({ FunctionName: CHATTY, LogType: 'Tail', Payload: JSON.stringify({ marker, lines: 20 }) }),
      ),
    );
    expect(tailOf(left)).toContain('left line 20');
    expect(tailOf(left)).not.toContain('right');
    expect(tailOf(right)).toContain('right line 20');
    expect(tailOf(right)).not.toContain('left');
  });

  it('answers at most the last 4 KB, ending with the REPORT line', async () => {
    const answer = await invoke({
      FunctionName: CHATTY,
      LogType: 'Tail',
      Payload: '{"marker":"long","lines":100,"width":100}',
    });
    const tail = tailOf(answer);
    expect(Buffer.byteLength(Buffer.from(answer.LogResult ?? '', 'base64'))).toBe(4096);
    expect(tail).toContain('long line 100 ');
    expect(tail).not.toContain('long line 1 ');
    expect(tail).toMatch(/\nREPORT RequestId: [^\n]+\n$/);
  });

  it('answers no log without the header', async () => {
    expect((await invoke({ FunctionName: CHATTY, Payload: '{"marker":"quiet","lines":1}' })).LogResult).toBeUndefined();
  });
});

describe('Invoke, Event and DryRun', () => {
  it('queues an Event invocation: 202 with an empty body, and the function runs afterwards', async () => {
    const answer = await invoke({ FunctionName: ECHO, InvocationType: 'Event', Payload: '{"later":true}' });
    expect(answer.StatusCode).toBe(202);
    expect(answer.Payload?.length ?? 0).toBe(0);
    await cloud.whenIdle();
    const hops = await hopsOf(answer.$metadata.requestId ?? '');
    expect(hops).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'invoke',
          name: 'probe.echo',
          detail: expect.objectContaining({ invocationType: 'Event' }),
        }),
      ]),
    );
  });

  it('retries an Event invocation that fails as Lambda does (3 attempts in all), then drops it, having no destination', async () => {
    const answer = await invoke({ FunctionName: 'harbor-e2e-probe-fail', InvocationType: 'Event', Payload: '{}' });
    expect(answer.StatusCode).toBe(202);
    await cloud.whenIdle(); // Lambda's 1 and 2 minute waits, compressed as every retry is locally
    const hops = await hopsOf(answer.$metadata.requestId ?? '');
    expect(hops.filter((hop) => hop.kind === 'invoke' && hop.name === 'probe.fail')).toHaveLength(3);
    expect(hops.filter((hop) => hop.kind === 'dead-letter')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ dropped: true, attempts: 3 }) }),
    ]);
  });

  it('answers DryRun 204 without running the function', async () => {
    const failures = () =>
      cloud.trace.latest(50_000).filter((hop) => hop.kind === 'invoke' && hop.name === 'probe.fail').length;
    await invoke({ FunctionName: 'harbor-e2e-probe-fail', Payload: '{}' });
    const before = failures();
    expect(before).toBeGreaterThan(0);
    const answer = await invoke({ FunctionName: 'harbor-e2e-probe-fail', InvocationType: 'DryRun', Payload: '{}' });
    expect(answer.StatusCode).toBe(204);
    await cloud.whenIdle();
    expect(failures()).toBe(before);
  });
});

describe('Invoke errors, in AWS shapes (API_Invoke.html#API_Invoke_Errors)', () => {
  it('answers an unknown function with 404 ResourceNotFoundException, in the SDK and on the wire', async () => {
    await expect(invoke({ FunctionName: 'harbor-e2e-probe-nope' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:harbor-e2e-probe-nope',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      invoke({ FunctionName: `arn:aws:lambda:us-east-1:000000000000:function:${ECHO}` }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(invoke({ FunctionName: ECHO, Qualifier: '7' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ECHO_ARN}:7`,
    });
  });

  it('puts the error type in x-amzn-ErrorType and {Type, message} in the body', async () => {
    const url = `${cloud.endpoints.aws}/2015-03-31/functions/nope/invocations`;
    const headers = await signedHeaders(url, {}, '{}', {
      service: 'lambda',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const answer = await fetch(url, { method: 'POST', headers, body: '{}' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await answer.json()).toEqual({
      Type: 'User',
      message: 'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:nope',
    });
  });

  it('refuses a payload that is not JSON with 400 InvalidRequestContentException', async () => {
    await expect(invoke({ FunctionName: ECHO, Payload: 'not json' })).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
      message: expect.stringContaining('Could not parse request body into json'),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a payload over 6 MB (1 MB for Event) with 413 RequestTooLargeException', async () => {
    const json = (bytes: number) => `"${'x'.repeat(bytes - 2)}"`;
    await expect(invoke({ FunctionName: ECHO, Payload: json(6 * 1024 * 1024 + 1) })).rejects.toMatchObject({
      name: 'RequestTooLargeException',
      $metadata: { httpStatusCode: 413 },
    });
    await expect(
      invoke({ FunctionName: ECHO, InvocationType: 'Event', Payload: json(1024 * 1024 + 1) }),
    ).rejects.toMatchObject({ name: 'RequestTooLargeException' });
    // Just under the limit is a payload like any other.
    expect(payloadOf(await invoke({ FunctionName: ECHO, Payload: json(1024 * 1024) }))).toMatchObject({
      functionName: ECHO,
    });
  });

  it('refuses a name Lambda would not accept with 400 ValidationException', async () => {
    await expect(invoke({ FunctionName: 'no spaces allowed' })).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a call signed with another secret, as Lambda does', async () => {
    const stranger = new LambdaClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'wrong' },
      maxAttempts: 1,
    });
    await expect(stranger.send(new InvokeCommand({ FunctionName: ECHO }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
    stranger.destroy();
  });
});

describe('aws lambda invoke (the AWS CLI)', () => {
  const cli = (args: readonly string[]) => awsCli(cloud, args);

  it('invokes a function and writes its result to the outfile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambda-invoke-'));
    writeFileSync(join(dir, 'event.json'), '{"from":"cli"}');
    // fileb:// sends the file's bytes as they are, in CLI v1 and v2 alike.
    const { stdout } = await cli([
      'lambda',
      'invoke',
      '--function-name',
      ECHO,
      '--payload',
      `fileb://${join(dir, 'event.json')}`,
      join(dir, 'out.json'),
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toEqual({
      received: { from: 'cli' },
      functionName: ECHO,
    });
  });

  it('fails with the ResourceNotFoundException of an unknown function', async () => {
    await expect(
      cli(['lambda', 'invoke', '--function-name', 'harbor-e2e-probe-nope', join(tmpdir(), 'never.json')]),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('ResourceNotFoundException'),
    });
  });
});
