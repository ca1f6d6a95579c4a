import { platformProblems } from '../problems/platform-problems';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface BodySizeGuardOptions {
  readonly maxBodyBytes?: number;
}

const defaults = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES };

/** Rejects bodies over the limit (413) before anything parses them. */
export function bodySizeGuard(opts: BodySizeGuardOptions = {}): HttpMiddleware {
  const options = { ...defaults, ...opts };
  if (!Number.isInteger(options.maxBodyBytes) || options.maxBodyBytes <= 0) {
    throw new Error(`maxBodyBytes must be a positive integer, got ${options.maxBodyBytes}`);
  }
  const bodySizeGuardBefore = (request: HttpRequest): void => {
    const { body, isBase64Encoded } = request.event;
    if (!body) return;
    // base64 text is 4/3 of the bytes it carries; count the bytes.
    const bytes = isBase64Encoded ? Buffer.from(body, 'base64').byteLength : Buffer.byteLength(body, 'utf8');
    if (bytes > options.maxBodyBytes) throw platformProblems.payloadTooLarge(options.maxBodyBytes);
  };
  return { before: bodySizeGuardBefore };
}
