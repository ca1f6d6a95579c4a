import type { AwsHttpRequest, AwsHttpResponse, AwsServiceEndpoint } from '@harbor/local-cloud-messaging';
import { secretName, StartupError, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ResourceNaming } from './resource-names';

const TARGET = 'secretsmanager.GetSecretValue';
const CREATED = Math.floor(Date.UTC(2026, 0, 1) / 1000);

interface LocalSecret {
  readonly name: string;
  readonly arn: string;
  readonly value: string;
  /** A UUID-shaped hash of the value: the same while the value is, as AWS keeps one per version. */
  readonly versionId: string;
}

const versionIdOf = (value: string): string =>
  createHash('sha256')
    .update(value)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');

const json = (status: number, body: unknown, errorType?: string): AwsHttpResponse => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) },
  body: JSON.stringify(body),
});

// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#API_GetSecretValue_Errors
const notFound = () =>
  json(
    400,
    { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." },
    'ResourceNotFoundException',
  );
const invalid = (message: string) =>
  json(400, { __type: 'InvalidParameterException', message }, 'InvalidParameterException');

/** The secrets file (`--secrets-file`) cannot be used; names the file. */
export class SecretsFileError extends StartupError {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`, { file, feature: 'secrets file' });
  }
}

/** Overrides of the declared local values: a JSON object of secret name → value (README: local secrets). */
function readOverrides(file: string | undefined): Readonly<Record<string, unknown>> {
  if (!file || !existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SecretsFileError(file, 'expected a JSON object of secret name → value');
  }
  return parsed as Record<string, unknown>;
}

/** The secrets the services declare (functions.yaml `secrets`), named and valued as the local cloud answers them. */
export function localSecrets(
  services: readonly ServiceDefinition[],
  naming: ResourceNaming,
  overridesFile?: string,
): LocalSecret[] {
  const overrides = readOverrides(overridesFile);
  return services.flatMap((service) =>
    Object.entries(service.secrets).map(([key, declared]) => {
      const name = secretName(naming.env, service.name, key);
      const override = overrides[name];
      if (override !== undefined && typeof override !== 'string') {
        throw new SecretsFileError(`${overridesFile}`, `${name} must be a string`);
      }
      // AWS appends six random characters to a secret's ARN; a hash of the name keeps them stable across starts.
      const suffix = createHash('sha256').update(name).digest('base64url').replace(/[-_]/g, 'x').slice(0, 6);
      const value = override ?? declared.localValue;
      return {
        name,
        arn: `arn:aws:secretsmanager:${naming.region}:${naming.accountId}:secret:${name}-${suffix}`,
        value,
        versionId: versionIdOf(value),
      };
    }),
  );
}

/**
 * Secrets Manager's GetSecretValue (JSON 1.1) for the declared secrets, by name or ARN, current version only. Other
 * Secrets Manager operations are not emulated and get the endpoint's UnknownOperationException.
 */
export function secretsManager(secrets: readonly LocalSecret[]): AwsServiceEndpoint {
  const byId = new Map(secrets.flatMap((secret) => [[secret.name, secret] as const, [secret.arn, secret] as const]));
  return {
    canHandle: (request: AwsHttpRequest) => request.method === 'POST' && request.headers['x-amz-target'] === TARGET,
    async handle(request: AwsHttpRequest): Promise<AwsHttpResponse> {
      let input: { SecretId?: unknown; VersionStage?: unknown; VersionId?: unknown };
      try {
        input = JSON.parse(request.body.toString('utf8') || '{}') as typeof input;
      } catch {
        return json(
          400,
          { __type: 'SerializationException', message: 'The request body is not JSON.' },
          'SerializationException',
        );
      }
      if (typeof input.SecretId !== 'string' || input.SecretId.length === 0) return invalid('SecretId is required.');
      if (input.VersionId !== undefined)
        return invalid('The local cloud keeps one version of each secret: leave VersionId out.');
      const secret = byId.get(input.SecretId);
      if (!secret || (input.VersionStage !== undefined && input.VersionStage !== 'AWSCURRENT')) return notFound();
      const { arn: ARN, name: Name, versionId: VersionId, value: SecretString } = secret;
      return json(200, { ARN, Name, VersionId, SecretString, VersionStages: ['AWSCURRENT'], CreatedDate: CREATED });
    },
  };
}
