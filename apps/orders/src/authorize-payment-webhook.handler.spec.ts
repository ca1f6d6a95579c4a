import { lambdaContext } from '@harbor/platform-lambda/testing';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { handler } from './authorize-payment-webhook.handler';
import { serveSecrets, type SecretsManagerStandIn } from '../test/secrets-manager-stand-in';
import { sha256Hex, signatureOf, signedHeaders } from '@harbor/contracts';

const SECRET = 'test-secret-of-at-least-thirty-two-chars';
const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/local/POST/payments/webhook';
const body = '{"note":"\\"quoted\\" #1 $5 ✓"}';

const SECRET_NAME = 'harbor-test-orders-payment-webhook';
let secretsManager: SecretsManagerStandIn;

beforeAll(async () => {
  secretsManager = await serveSecrets({ [SECRET_NAME]: SECRET, 'harbor-test-orders-weak': 'short' });
});
afterAll(() => secretsManager.close());
beforeEach(() => {
  process.env.PAYMENT_WEBHOOK_SECRET_NAME = SECRET_NAME;
});

function authorize(headers: Record<string, string>): Promise<APIGatewayAuthorizerResult> {
  const event = {
    type: 'REQUEST',
    methodArn,
    headers,
    httpMethod: 'POST',
    path: '/payments/webhook',
  } as unknown as APIGatewayRequestAuthorizerEvent;
  return (
    handler as unknown as (e: APIGatewayRequestAuthorizerEvent, c: unknown) => Promise<APIGatewayAuthorizerResult>
  )(event, lambdaContext('harbor-test-orders-authorizePaymentWebhook'));
}

const effectOf = (result: APIGatewayAuthorizerResult) =>
  result.policyDocument.Statement.map((statement) => ('Effect' in statement ? statement.Effect : undefined));

describe('authorizePaymentWebhook (REQUEST authorizer)', () => {
  it('allows a correctly signed, fresh call for this method only, passing the verified digest on', async () => {
    const result = await authorize(signedHeaders(SECRET, body));
    expect(effectOf(result)).toEqual(['Allow']);
    expect(result.policyDocument.Statement[0]).toMatchObject({ Action: 'execute-api:Invoke', Resource: methodArn });
    expect(result.context).toEqual({ contentSha256: sha256Hex(body) });
  });

  it('reads the headers whatever their case', async () => {
    const headers = Object.fromEntries(
      Object.entries(signedHeaders(SECRET, body)).map(([name, value]) => [name.toUpperCase(), value]),
    );
    expect(effectOf(await authorize(headers))).toEqual(['Allow']);
  });

  it.each([
    [
      'signed with another secret',
      (h: Record<string, string>) => ({
        ...h,
        'x-harbor-signature': signatureOf(
          'another-secret-of-thirty-two-characters',
          h['x-harbor-timestamp']!,
          h['x-harbor-content-sha256']!,
        ),
      }),
    ],
    [
      'for another body',
      (h: Record<string, string>) => ({ ...h, 'x-harbor-content-sha256': sha256Hex('{"note":"other"}') }),
    ],
    [
      'with a changed timestamp',
      (h: Record<string, string>) => ({ ...h, 'x-harbor-timestamp': String(Number(h['x-harbor-timestamp']) + 1) }),
    ],
    ['signed 10 minutes ago', () => signedHeaders(SECRET, body, new Date(Date.now() - 600_000))],
    [
      'with a truncated signature',
      (h: Record<string, string>) => ({ ...h, 'x-harbor-signature': h['x-harbor-signature']!.slice(0, -2) }),
    ],
  ])('denies a call %s (403)', async (_, change) => {
    expect(effectOf(await authorize(change(signedHeaders(SECRET, body))))).toEqual(['Deny']);
  });

  it('answers Unauthorized (401) when a signature header is missing', async () => {
    const unsigned = signedHeaders(SECRET, body);
    delete unsigned['x-harbor-signature'];
    await expect(authorize(unsigned)).rejects.toThrow('Unauthorized');
  });

  it('refuses to run with a weak secret rather than accept weak signatures', async () => {
    process.env.PAYMENT_WEBHOOK_SECRET_NAME = 'harbor-test-orders-weak';
    await expect(authorize(signedHeaders('short', body))).rejects.toThrow(
      'harbor-test-orders-weak must be a string of at least 32 characters',
    );
  });

  it('fails every call when the secret is missing, rather than allow any', async () => {
    process.env.PAYMENT_WEBHOOK_SECRET_NAME = 'harbor-test-orders-no-such-secret';
    await expect(authorize(signedHeaders(SECRET, body))).rejects.toThrow();
  });

  it('reads the secret from Secrets Manager once per warm function, not once per call', async () => {
    for (let call = 0; call < 5; call++) await authorize(signedHeaders(SECRET, body));
    expect(secretsManager.reads.get(SECRET_NAME)).toBe(1);
  });
});
