import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `message` is the very body whose SHA-256 the payment webhook's authorizer verified (the
 * `contentSha256` attribute the integration publishes); anything else was not signed by the provider.
 */
export function messageMatchesDigest(message: string, digest: string | undefined): boolean {
  if (!digest || !/^[0-9a-f]{64}$/.test(digest)) return false;
  const actual = createHash('sha256').update(message, 'utf8').digest();
  return timingSafeEqual(actual, Buffer.from(digest, 'hex'));
}
