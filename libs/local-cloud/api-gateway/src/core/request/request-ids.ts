import { createHash, randomBytes, randomUUID } from 'node:crypto';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number): string => String(value).padStart(2, '0');

/** A stable lower-case alphanumeric id of `length` characters derived from `seed` (API and resource ids). */
export const stableId = (seed: string, length: number): string => {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let index = 0; id.length < length; index += 1) id += (digest[index % digest.length] % 36).toString(36);
  return id;
};

export const newRequestId = (): string => randomUUID();

// Random bytes come from a pool refilled in large blocks: a system call per request would dominate its cost.
const POOL_SIZE = 8192;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;
const pooledBytes = (count: number): Buffer => {
  if (poolOffset + count > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  poolOffset += count;
  return pool.subarray(poolOffset - count, poolOffset);
};

/**
 * API Gateway's short ids look like `IXGWJGWcIAMFjcQ=`: a REST API's extended request id, an HTTP API's request id,
 * a WebSocket API's connection, request and message ids.
 */
export const newGatewayId = (): string => `${pooledBytes(11).toString('base64').slice(0, 15)}=`;

/** `X-Amzn-Trace-Id` root, as API Gateway adds it to proxied requests. */
export const newTraceId = (epochMs: number): string =>
  `Root=1-${Math.floor(epochMs / 1000).toString(16)}-${pooledBytes(12).toString('hex')}`;

let cachedSecond = -1;
let cachedTime = '';

/** `$context.requestTime` in CLF format (`09/Apr/2015:12:34:56 +0000`), cached per second. */
export const requestTime = (epochMs: number): string => {
  const second = Math.floor(epochMs / 1000);
  if (second !== cachedSecond) {
    const date = new Date(second * 1000);
    cachedTime = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
    cachedSecond = second;
  }
  return cachedTime;
};
