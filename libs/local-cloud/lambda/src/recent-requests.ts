/**
 * Request id → correlation id of the most recent invocations. A function's log lines reach the main thread
 * after its result may have (stdout is piped asynchronously), so the mapping must outlive the invocation; the
 * oldest entries go once `capacity` is reached, so memory stays bounded.
 */
export class RecentRequests {
  private readonly correlationIds = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  remember(requestId: string, correlationId: string): void {
    this.correlationIds.set(requestId, correlationId);
    if (this.correlationIds.size > this.capacity) {
      const oldest = this.correlationIds.keys().next();
      if (!oldest.done) this.correlationIds.delete(oldest.value);
    }
  }

  correlationIdOf(requestId: string): string | undefined {
    return this.correlationIds.get(requestId);
  }
}
