/**
 * One DynamoDB stream → function event source mapping (an entry of a service's events.yaml `streams:`), with
 * physical names resolved. Settings mean what they mean in AWS's CreateEventSourceMapping.
 */
export interface StreamMappingSpec {
  /** The mapping's name in events.yaml: names its dead-letter queue and its trace hops. */
  readonly name: string;
  /** Physical table name (`harbor-<env>-<table>`). */
  readonly tableName: string;
  /** `<service>.<functionKey>`. */
  readonly functionId: string;
  /** Where reading starts when the local cloud starts (no checkpoint survives a restart). */
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** 1 to 10,000. */
  readonly batchSize: number;
  /** FilterCriteria patterns: a record is sent when it matches any one; none means every record. */
  readonly filterPatterns: readonly Readonly<Record<string, unknown>>[];
  /** -1: until the record leaves the stream. */
  readonly maximumRetryAttempts: number;
  readonly bisectBatchOnFunctionError: boolean;
  readonly reportBatchItemFailures: boolean;
  /** The on-failure destination's queue name, if any: where batches that exhausted their retries go. */
  readonly deadLetterQueue: string | undefined;
}
