/** The event a rule's Lambda target receives, field for field as EventBridge sends it. */
export interface EventBridgeEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  /** ISO 8601 to the second, as AWS writes it (`2026-01-31T12:00:00Z`). */
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Readonly<Record<string, unknown>>;
}

export function eventTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
