/** Which incoming event a consumer is handling: what it causes carries its lineage. */
export interface EventContext {
  /** The correlation id the incoming event carried. */
  readonly correlationId: string;
  /** The incoming event's own id: the direct cause of what this consumer records. */
  readonly causationId: string;
}
