/** A bounded TTL cache of Lambda authorizer answers, keyed by the identity source values (REST and HTTP APIs). */
export class AuthorizerCache<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly expiresAt: number }>();

  constructor(private readonly capacity = 10_000) {}

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number, now: number): void {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }
}
