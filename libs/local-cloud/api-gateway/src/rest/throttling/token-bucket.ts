import type { ThrottleSpec } from '../rest-api.types';

/**
 * API Gateway's throttling algorithm: a bucket of `burstLimit` tokens, refilled at `rateLimit` per second,
 * starting full; a request takes one token or is throttled.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly limits: ThrottleSpec,
    now: number,
  ) {
    this.tokens = limits.burstLimit;
    this.refilledAt = now;
  }

  tryTake(now: number): boolean {
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.limits.burstLimit, this.tokens + elapsedSeconds * this.limits.rateLimit);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Buckets created on first use, one per key (a method, an API key, an API key on a method). */
export class BucketSet {
  private readonly buckets = new Map<string, TokenBucket>();

  tryTake(key: string, limits: ThrottleSpec, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limits, now);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake(now);
  }
}

/** Method settings keys: `/orders/{orderId}/GET`, `orders/{orderId}/GET` or `*\/*`. */
export const methodSettingsKey = (resourcePath: string, method: string): string =>
  `${resourcePath.replace(/^\/+/, '')}/${method}`;

export const normaliseMethodThrottles = (
  throttles: Readonly<Record<string, ThrottleSpec>> | undefined,
  problem: (detail: string) => Error,
): Map<string, ThrottleSpec> => {
  const result = new Map<string, ThrottleSpec>();
  for (const [key, limits] of Object.entries(throttles ?? {})) {
    if (!/\/[A-Z*]+$/.test(key))
      throw problem(`method throttle key ${JSON.stringify(key)} must look like /path/METHOD or */*`);
    if (!(limits.rateLimit >= 0) || !(limits.burstLimit >= 0))
      throw problem(`throttle for ${key} needs non-negative rateLimit and burstLimit`);
    result.set(key === '*/*' ? key : key.replace(/^\/+/, ''), limits);
  }
  return result;
};
