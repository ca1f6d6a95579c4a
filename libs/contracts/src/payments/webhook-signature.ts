import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The payment provider signs each webhook call:
 *   X-Harbor-Timestamp:      Unix seconds when it was sent
 *   X-Harbor-Content-SHA256: hex SHA-256 of the raw body
 *   X-Harbor-Signature:      v1=<hex HMAC-SHA256(secret, "<timestamp>.<content sha256>")>
 * API Gateway gives a REQUEST authorizer headers but never the body, so the authorizer checks the signature
 * over the body's digest, and every subscriber checks that the message it got has that digest
 * (`contentSha256` attribute, set from what the authorizer verified).
 */
export const SIGNATURE_HEADER = 'x-harbor-signature';
export const TIMESTAMP_HEADER = 'x-harbor-timestamp';
export const CONTENT_SHA256_HEADER = 'x-harbor-content-sha256';
export const SIGNATURE_VERSION = 'v1';
/** How far a timestamp may be from now, either way: a captured call cannot be replayed later. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const MIN_SECRET_LENGTH = 32;

export const sha256Hex = (body: string | Buffer): string => createHash('sha256').update(body).digest('hex');

export function signatureOf(secret: string, timestamp: string, contentSha256: string): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', secret).update(`${timestamp}.${contentSha256}`).digest('hex')}`;
}

/** The three headers a correctly signed call of `body` carries. */
export function signedHeaders(secret: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const contentSha256 = sha256Hex(body);
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [CONTENT_SHA256_HEADER]: contentSha256,
    [SIGNATURE_HEADER]: signatureOf(secret, timestamp, contentSha256),
  };
}

export type SignatureVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Compares in constant time, so response timing tells an attacker nothing about how much of a guess was right. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verifySignature(
  secret: string,
  headers: { readonly timestamp: string; readonly contentSha256: string; readonly signature: string },
  now: Date,
): SignatureVerdict {
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'timestamp is not Unix seconds' };
  const skew = Math.abs(now.getTime() / 1000 - Number(headers.timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: `timestamp is ${Math.round(skew)} s away from now` };
  if (!/^[0-9a-f]{64}$/.test(headers.contentSha256))
    return { ok: false, reason: 'content digest is not a hex SHA-256' };
  if (!sameText(signatureOf(secret, headers.timestamp, headers.contentSha256), headers.signature))
    return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}

/** A subscriber's check: the message is the very body whose digest the authorizer verified. */
export function messageMatchesDigest(message: string, contentSha256: string | undefined): boolean {
  return contentSha256 !== undefined && sameText(sha256Hex(message), contentSha256);
}
