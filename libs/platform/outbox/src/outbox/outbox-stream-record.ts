import { parseEventEnvelope, type EventEnvelope } from '@harbor/contracts';
import type { DynamoDBRecord } from 'aws-lambda';
import { InvalidOutboxRecord } from '../errors';
import type { OutboxKey } from './outbox.ports';

/** Every service keys its outbox records `sk = OUTBOX#…`; the stream filter and the relay select on it. */
export const OUTBOX_SK_PREFIX = 'OUTBOX#';

/** An outbox record as its INSERT reached the stream: which event to publish, and where to mark it. */
export interface OutboxStreamRecord {
  readonly sequenceNumber: string;
  readonly key: OutboxKey;
  readonly envelope: EventEnvelope;
}

/**
 * The outbox record a stream record inserted, or undefined for anything else the table's stream carries
 * (order items, the MODIFY that marks a record published, the REMOVE of its expiry). An outbox insert that
 * cannot be read throws InvalidOutboxRecord: retrying will not help, so it ends in the mapping's failure queue.
 */
export function outboxRecordFromStream(
  record: DynamoDBRecord,
  skPrefix = OUTBOX_SK_PREFIX,
): OutboxStreamRecord | undefined {
  const stream = record.dynamodb;
  const sk = stream?.Keys?.['sk']?.S;
  if (record.eventName !== 'INSERT' || sk === undefined || !sk.startsWith(skPrefix)) return undefined;
  const sequenceNumber = stream?.SequenceNumber;
  if (!sequenceNumber) throw new InvalidOutboxRecord('(none)', 'the record has no SequenceNumber');
  const pk = stream?.Keys?.['pk']?.S;
  if (pk === undefined) throw new InvalidOutboxRecord(sequenceNumber, 'the record has no pk key');
  const text = stream?.NewImage?.['envelope']?.S;
  if (text === undefined) {
    throw new InvalidOutboxRecord(
      sequenceNumber,
      `no envelope in the new image (stream view type ${stream?.StreamViewType ?? 'unknown'}; NEW_IMAGE or NEW_AND_OLD_IMAGES is needed)`,
    );
  }
  try {
    return { sequenceNumber, key: { pk, sk }, envelope: parseEventEnvelope(JSON.parse(text)) };
  } catch (error) {
    throw new InvalidOutboxRecord(
      sequenceNumber,
      `its envelope is not a valid event (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}
