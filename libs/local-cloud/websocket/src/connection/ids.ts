import { createHash, randomBytes } from 'node:crypto';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number): string => String(value).padStart(2, '0');

/** A stable lower-case alphanumeric id of `length` characters derived from `seed` (API ids). */
export const stableId = (seed: string, length: number): string => {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let index = 0; id.length < length; index += 1) id += (digest[index % digest.length] % 36).toString(36);
  return id;
};

/** API Gateway's connection, request and message ids look like `L0SM9cOFvHcCIhw=`. */
export const newGatewayId = (): string => `${randomBytes(11).toString('base64').slice(0, 15)}=`;

/** `requestTime` in CLF format: `09/Feb/2024:12:34:56 +0000`. */
export const requestTime = (epochMs: number): string => {
  const date = new Date(epochMs);
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
};
