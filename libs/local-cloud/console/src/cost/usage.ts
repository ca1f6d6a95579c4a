/** What the local cloud did, in the units AWS bills. */
export interface ObservedUsage {
  readonly sinceStart: string;
  readonly restRequests: number;
  /** In 512 KB metering increments (a request up to 512 KB is one). */
  readonly httpApiRequests: number;
  /** In 32 KB metering increments. */
  readonly websocketMessages: number;
  readonly websocketConnectionMinutes: number;
  readonly lambdaRequests: number;
  readonly lambdaGbSeconds: number;
  /** In 64 KB chunks. */
  readonly snsPublishes: number;
  /** In 64 KB chunks. */
  readonly eventBridgeEvents: number;
  readonly dynamodbReadUnits: number;
  readonly dynamodbWriteUnits: number;
}

/** Billing increments a payload of `bytes` counts as (at least one; unknown size: one). */
export function increments(bytes: unknown, incrementBytes: number): number {
  return typeof bytes === 'number' && bytes > incrementBytes ? Math.ceil(bytes / incrementBytes) : 1;
}

/** Lambda's billed compute: duration rounded up to the millisecond, times the configured memory in GB. */
export function gbSeconds(durationMs: number, memoryMb: number): number {
  return (Math.ceil(durationMs) / 1000) * (memoryMb / 1024);
}
