import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Negative tokens an attacker can build without the issuer's private key, made with node:crypto only. */

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export interface DecodedToken {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signature: string;
}

export function decodeToken(token: string): DecodedToken {
  const [header, claims, signature] = token.split('.');
  if (header === undefined || claims === undefined || signature === undefined)
    throw new Error('not a JWS compact token');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>,
    signature,
  };
}

const encodePart = (part: Record<string, unknown>): string => base64url(JSON.stringify(part));

let attackerKey: KeyObject | undefined;
/** One RSA key per run that the local issuer never published. */
function attackerPrivateKey(): KeyObject {
  attackerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return attackerKey;
}

/** The same header (kid included) and the given claims, signed RS256 with a key the issuer never published. */
export function signedByAnotherKey(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const input = `${encodePart({ ...header, alg: 'RS256' })}.${encodePart(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(attackerPrivateKey());
  return `${input}.${base64url(signature)}`;
}

/** `alg: none`, no signature: what a verifier that trusts the header would accept. */
export function unsignedToken(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  return `${encodePart({ ...header, alg: 'none' })}.${encodePart(claims)}.`;
}

/** A genuine token with one claim changed and the original signature kept. */
export function withTamperedClaims(token: string, change: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${encodePart({ ...decodeToken(token).claims, ...change })}.${signature}`;
}
