import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The local issuer's RS256 key pair and its `kid`. */
export interface IssuerSigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

interface StoredKey {
  readonly kid: string;
  readonly privateKeyPem: string;
}

/**
 * A new key, or the one kept in `keyFile` (written there the first time): with a data dir, tokens minted before a
 * restart of the local cloud still verify after it, as a user pool's keys outlive a deployment.
 */
export function issuerSigningKey(keyFile?: string): IssuerSigningKey {
  const stored = keyFile === undefined ? undefined : readStoredKey(keyFile);
  if (stored) {
    const privateKey = createPrivateKey(stored.privateKeyPem);
    return { kid: stored.kid, privateKey, publicKey: createPublicKey(privateKey) };
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = { kid: randomUUID(), privateKey, publicKey };
  if (keyFile !== undefined) {
    mkdirSync(dirname(keyFile), { recursive: true });
    const toStore: StoredKey = {
      kid: key.kid,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    writeFileSync(keyFile, JSON.stringify(toStore), { mode: 0o600 });
  }
  return key;
}

/** The stored key, or undefined when there is none yet or it cannot be read (a new one then replaces it). */
function readStoredKey(keyFile: string): StoredKey | undefined {
  try {
    const parsed = JSON.parse(readFileSync(keyFile, 'utf8')) as Partial<StoredKey>;
    return typeof parsed.kid === 'string' && typeof parsed.privateKeyPem === 'string'
      ? { kid: parsed.kid, privateKeyPem: parsed.privateKeyPem }
      : undefined;
  } catch {
    return undefined;
  }
}
