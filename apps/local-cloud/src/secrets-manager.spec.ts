import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { serve, type RunningServer } from '@harbor/local-cloud-lambda/testing';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSecrets, secretsManager } from './secrets-manager';

const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false });
const naming = { env: 'unit', region: 'eu-west-1', accountId: '123456789012' };

describe('the local Secrets Manager', () => {
  const folder = mkdtempSync(join(tmpdir(), 'harbor-secrets-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('names every declared secret harbor-<env>-<service>-<key>, valued with its localValue', () => {
    expect(localSecrets(services, naming)).toContainEqual({
      name: 'harbor-unit-orders-payment-webhook',
      arn: expect.stringMatching(
        /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:harbor-unit-orders-payment-webhook-[A-Za-z0-9]{6}$/,
      ),
      value: 'local-only-payment-webhook-secret-0001',
      versionId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
  });

  it('takes a value from the overrides file over the declared one, and refuses a file that is not a name → string map', () => {
    const file = join(folder, 'secrets.json');
    writeFileSync(
      file,
      JSON.stringify({ 'harbor-unit-orders-payment-webhook': 'from-the-developer-file-of-32-chars!' }),
    );
    expect(
      localSecrets(services, naming, file).find((secret) => secret.name === 'harbor-unit-orders-payment-webhook')
        ?.value,
    ).toBe('from-the-developer-file-of-32-chars!');
    writeFileSync(file, JSON.stringify({ 'harbor-unit-orders-payment-webhook': 42 }));
    expect(() => localSecrets(services, naming, file)).toThrow('harbor-unit-orders-payment-webhook must be a string');
  });

  describe('GetSecretValue through the SDK', () => {
    let server: RunningServer;
    let client: SecretsManagerClient;
    beforeAll(async () => {
      const secret = {
        name: 'harbor-unit-a',
        arn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:harbor-unit-a-AbCdEf',
        value: 's3cret',
        versionId: '6f1d2c9e-4b7a-4e0f-9a3c-5d8e7f60a1b2',
      };
      server = await serve(secretsManager([secret]));
      client = new SecretsManagerClient({
        endpoint: server.endpoint,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
      });
    });
    afterAll(async () => {
      client.destroy();
      await server.close();
    });

    it('answers the current version by name or ARN', async () => {
      const byName = await client.send(new GetSecretValueCommand({ SecretId: 'harbor-unit-a' }));
      const byArn = await client.send(
        new GetSecretValueCommand({
          SecretId: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:harbor-unit-a-AbCdEf',
          VersionStage: 'AWSCURRENT',
        }),
      );
      expect(byName).toMatchObject({
        Name: 'harbor-unit-a',
        SecretString: 's3cret',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: expect.any(Date),
      });
      expect(byArn.VersionId).toBe(byName.VersionId);
    });

    // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#API_GetSecretValue_Errors
    it.each([
      ['an unknown secret', { SecretId: 'harbor-unit-b' }, 'ResourceNotFoundException'],
      [
        'a staging label it does not hold',
        { SecretId: 'harbor-unit-a', VersionStage: 'AWSPREVIOUS' },
        'ResourceNotFoundException',
      ],
      [
        'a version id',
        { SecretId: 'harbor-unit-a', VersionId: '00000000-0000-0000-0000-000000000000' },
        'InvalidParameterException',
      ],
    ])("refuses %s with AWS's error", async (_case, input, name) => {
      await expect(client.send(new GetSecretValueCommand(input))).rejects.toMatchObject({
        name,
        $metadata: { httpStatusCode: 400 },
      });
    });
  });
});
