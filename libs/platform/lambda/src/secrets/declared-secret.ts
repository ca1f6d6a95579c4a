import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { MIN_SECRET_LENGTH } from './webhook-signature';

/** How long a read secret is reused: a rotation reaches every warm function within five minutes. */
export const SECRET_MAX_AGE_SECONDS = 300;

/**
 * The webhook's HMAC key, read from Secrets Manager by the name in PAYMENT_WEBHOOK_SECRET_NAME (functions.yaml
 * `secrets`) through Powertools Parameters, which caches it per warm function. A missing name or a short secret
 * is a deployment mistake: every call fails (API Gateway answers 500) rather than accept weak signatures.
 */
export async function webhookSecret(): Promise<string> {
  const name = process.env['PAYMENT_WEBHOOK_SECRET_NAME'];
  if (!name) throw new Error('PAYMENT_WEBHOOK_SECRET_NAME is not set: apps/orders/api/functions.yaml declares it under secrets');
  const value = await getSecret(name, { maxAge: SECRET_MAX_AGE_SECONDS });
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) {
    throw new Error(`The secret ${name} must be a string of at least ${MIN_SECRET_LENGTH} characters`);
  }
  return value;
}
