import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsManagerStandIn {
  /** How many GetSecretValue calls it answered, by secret name. */
  readonly reads: Map<string, number>;
  close(): Promise<void>;
}

/**
 * GetSecretValue on the wire for `secrets` (name → value), at AWS_ENDPOINT_URL_SECRETS_MANAGER: the handler's real
 * SDK client and Powertools cache run against it. The local cloud's own emulation is proven end to end elsewhere.
 */
export async function serveSecrets(secrets: Readonly<Record<string, string>>): Promise<SecretsManagerStandIn> {
  const reads = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const { SecretId } = JSON.parse(body || '{}') as { SecretId?: string };
      const value = SecretId === undefined ? undefined : secrets[SecretId];
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (
        request.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue' ||
        SecretId === undefined ||
        value === undefined
      ) {
        response.writeHead(400, { 'x-amzn-errortype': 'ResourceNotFoundException' }).end(
          JSON.stringify({
            __type: 'ResourceNotFoundException',
            message: "Secrets Manager can't find the specified secret.",
          }),
        );
        return;
      }
      reads.set(SecretId, (reads.get(SecretId) ?? 0) + 1);
      response
        .writeHead(200)
        .end(JSON.stringify({ Name: SecretId, SecretString: value, VersionStages: ['AWSCURRENT'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { reads, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
