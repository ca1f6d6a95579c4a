import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256';
import type { SigV4Request } from './sigv4-request';
import { verifySigV4, type VerifySigV4Options } from './verify-sigv4';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local-secret' };
const options: VerifySigV4Options = { credentials, region: 'eu-west-1', now: new Date('2026-05-01T12:00:00Z') };
const host = '127.0.0.1:3000';

interface ClientRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** Signs as an AWS SDK client does, with the given credentials, region, service and time. */
async function signed(
  request: ClientRequest,
  signing: {
    credentials?: typeof credentials;
    region?: string;
    service?: string;
    at?: Date;
    payloadHashHeader?: boolean;
  } = {},
): Promise<SigV4Request> {
  const signer = new SignatureV4({
    credentials: signing.credentials ?? credentials,
    region: signing.region ?? 'eu-west-1',
    service: signing.service ?? 'execute-api',
    sha256: NodeSha256,
    applyChecksum: signing.payloadHashHeader ?? true,
  });
  const result = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 3000,
      path: request.path,
      query: request.query ?? {},
      headers: { host, ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    { signingDate: signing.at ?? options.now },
  );
  const query = new URLSearchParams(request.query ?? {}).toString();
  return {
    method: request.method,
    url: query ? `${request.path}?${query}` : request.path,
    headers: result.headers,
    body: request.body,
  };
}

const placeOrder: ClientRequest = {
  method: 'POST',
  path: '/dev/orders',
  query: { source: 'web', b: '2' },
  headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-1' },
  body: '{"sku":"A-1","quantity":2}',
};

describe('verifySigV4', () => {
  it.each([
    ['get-vanilla', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    [
      'get-vanilla-query-order-key-case',
      '/?Param2=value2&Param1=value1',
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    ],
  ])("accepts AWS's published test vector %s", async (_name, url, signature) => {
    const request: SigV4Request = {
      method: 'GET',
      url,
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      },
    };
    const verification = await verifySigV4(request, {
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      region: 'us-east-1',
      service: 'service',
      now: new Date('2015-08-30T12:36:00Z'),
    });
    expect(verification).toMatchObject({ ok: true, accessKeyId: 'AKIDEXAMPLE', signedHeaders: ['host', 'x-amz-date'] });
  });

  it('accepts a request an SDK signed for execute-api, and ignores changes to headers it did not sign', async () => {
    const request = await signed(placeOrder);
    expect(await verifySigV4(request, options)).toMatchObject({
      ok: true,
      accessKeyId: 'local',
      signedAt: options.now,
    });
    expect(
      await verifySigV4({ ...request, headers: { ...request.headers, 'user-agent': 'changed' } }, options),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ['body', (r: SigV4Request): SigV4Request => ({ ...r, body: '{"sku":"A-1","quantity":200}' })],
    ['path', (r: SigV4Request): SigV4Request => ({ ...r, url: r.url.replace('/dev/orders', '/dev/orders/other') })],
    ['query', (r: SigV4Request): SigV4Request => ({ ...r, url: r.url.replace('source=web', 'source=admin') })],
    ['method', (r: SigV4Request): SigV4Request => ({ ...r, method: 'PUT' })],
    [
      'signed header',
      (r: SigV4Request): SigV4Request => ({ ...r, headers: { ...r.headers, 'x-correlation-id': 'c-2' } }),
    ],
  ])("rejects a request whose %s was altered, with AWS's message and the canonical string", async (_part, alter) => {
    const verification = await verifySigV4(alter(await signed(placeOrder)), options);
    expect(verification).toMatchObject({
      ok: false,
      reason: 'invalid-signature',
      statusCode: 403,
      errorType: 'InvalidSignatureException',
    });
    if (verification.ok) return;
    expect(verification.message).toMatch(
      /^The request signature we calculated does not match the signature you provided\. /,
    );
    expect(verification.message).toContain("The Canonical String for this request should have been\n'");
    expect(verification.message).toContain(
      "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260501T120000Z\n20260501/eu-west-1/execute-api/aws4_request\n",
    );
  });

  it('rejects an altered body when the client sent no payload hash header either', async () => {
    const request = await signed(placeOrder, { payloadHashHeader: false });
    expect(request.headers['x-amz-content-sha256']).toBeUndefined();
    expect(await verifySigV4(request, options)).toMatchObject({ ok: true });
    expect(await verifySigV4({ ...request, body: '{}' }, options)).toMatchObject({
      ok: false,
      errorType: 'InvalidSignatureException',
    });
  });

  it('rejects a signature made with another secret key', async () => {
    const request = await signed(placeOrder, { credentials: { accessKeyId: 'local', secretAccessKey: 'guessed' } });
    expect(await verifySigV4(request, options)).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
  });

  it('rejects an access key it does not know', async () => {
    const request = await signed(placeOrder, {
      credentials: { accessKeyId: 'AKIAOTHER', secretAccessKey: 'local-secret' },
    });
    expect(await verifySigV4(request, options)).toEqual({
      ok: false,
      reason: 'unknown-key',
      statusCode: 403,
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('rejects a request signed more than five minutes ago (a replay), as AWS words it', async () => {
    const request = await signed(placeOrder, { at: new Date('2026-05-01T11:54:59Z') });
    expect(await verifySigV4(request, options)).toMatchObject({
      ok: false,
      reason: 'expired',
      errorType: 'InvalidSignatureException',
      message: 'Signature expired: 20260501T115459Z is now earlier than 20260501T115500Z (20260501T120000Z - 5 min.)',
    });
    expect(
      await verifySigV4(await signed(placeOrder, { at: new Date('2026-05-01T11:55:00Z') }), options),
    ).toMatchObject({ ok: true });
  });

  it('rejects a request signed more than five minutes ahead of the clock', async () => {
    const request = await signed(placeOrder, { at: new Date('2026-05-01T12:05:01Z') });
    expect(await verifySigV4(request, options)).toMatchObject({
      ok: false,
      message:
        'Signature not yet current: 20260501T120501Z is still later than 20260501T120500Z (20260501T120000Z + 5 min.)',
    });
  });

  it('rejects a credential scoped to another region or service', async () => {
    expect(await verifySigV4(await signed(placeOrder, { region: 'us-east-1' }), options)).toMatchObject({
      ok: false,
      reason: 'wrong-scope',
      message: 'Credential should be scoped to a valid region. ',
    });
    expect(
      await verifySigV4(await signed(placeOrder, { region: 'us-east-1', service: 'lambda' }), options),
    ).toMatchObject({
      ok: false,
      message:
        "Credential should be scoped to a valid region. Credential should be scoped to correct service: 'execute-api'. ",
    });
  });

  it('answers Missing Authentication Token without an Authorization header', async () => {
    expect(await verifySigV4({ method: 'GET', url: '/dev/orders', headers: { host } }, options)).toEqual({
      ok: false,
      reason: 'missing',
      statusCode: 403,
      errorType: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('names every missing part of an incomplete Authorization header', async () => {
    const verification = await verifySigV4(
      { method: 'GET', url: '/dev/orders', headers: { host, authorization: 'Bearer abc' } },
      options,
    );
    expect(verification).toMatchObject({
      ok: false,
      errorType: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a " +
        "'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
    });
  });

  it('says loudly that presigned URLs are not emulated', async () => {
    const verification = await verifySigV4(
      { method: 'GET', url: '/dev/orders?X-Amz-Signature=abc', headers: { host } },
      options,
    );
    expect(verification).toMatchObject({
      ok: false,
      reason: 'not-emulated',
      message: expect.stringContaining('not emulated'),
    });
  });
});
