import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/** How long a read secret is reused: a rotation reaches every warm function within five minutes. */
export const SECRET_MAX_AGE_SECONDS = 300;

export interface DeclaredSecretOptions {
  /** The shortest value accepted: a shorter secret is a deployment mistake, never a weak key to work with. */
  readonly minLength: number;
  readonly maxAgeSeconds?: number;
}

/**
 * A secret a service declares (functions.yaml `secrets`), read from Secrets Manager by the name the function's
 * environment holds in `nameVariable`, through Powertools Parameters, which caches it per warm function. A missing
 * name or a short secret is a deployment mistake: every call fails (API Gateway answers 500) rather than go on
 * with a weak or absent key.
 */
export async function declaredSecret(nameVariable: string, options: DeclaredSecretOptions): Promise<string> {
  const name = process.env[nameVariable];
  if (!name) throw new Error(`${nameVariable} is not set: the service's api/functions.yaml declares it under secrets`);
  const value = await getSecret(name, { maxAge: options.maxAgeSeconds ?? SECRET_MAX_AGE_SECONDS });
  if (typeof value !== 'string' || value.length < options.minLength) {
    throw new Error(`The secret ${name} must be a string of at least ${options.minLength} characters`);
  }
  return value;
}
