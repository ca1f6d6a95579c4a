import type { EventEnvelope } from '@harbor/contracts';
import type { DynamoDBRecord } from 'aws-lambda';
import { EventsNotPublished, EventTooLargeToPublish, InvalidOutboxRecord } from '../errors';
import type { OutboxClock, OutboxEventPublisher, OutboxRecordState, OutboxStore } from './outbox.ports';
import { outboxRecordFromStream, OUTBOX_SK_PREFIX, type OutboxStreamRecord } from './outbox-stream-record';

export interface OutboxRelayDependencies {
  readonly store: OutboxStore;
  readonly publisher: OutboxEventPublisher;
  readonly clock?: OutboxClock;
  /** Sort-key prefix of the table's outbox records. Default `OUTBOX#`. */
  readonly skPrefix?: string;
}

const systemClock: OutboxClock = { now: () => new Date() };

/** A record the stream must give again: the mapping retries from the first of these. */
export interface RelayFailure {
  readonly sequenceNumber: string;
  readonly eventId?: string;
  readonly reason: string;
}

export interface RelayResult {
  /** Events EventBridge accepted in this call. */
  readonly published: readonly string[];
  /** Events not sent because the table says they were published before (a retried batch), or are gone. */
  readonly skipped: readonly { readonly eventId: string; readonly state: Exclude<OutboxRecordState, 'pending'> }[];
  /** Stream records that are not outbox inserts. */
  readonly ignored: number;
  readonly failures: readonly RelayFailure[];
  /** Published events whose mark could not be written: not retried, since that would publish them again. */
  readonly unmarked: readonly { readonly eventId: string; readonly reason: string }[];
}

/** The outcome of `promise`, kept beside the item it is about. */
async function settle<I, T>(item: I, promise: Promise<T>): Promise<{ item: I; outcome: PromiseSettledResult<T> }> {
  try {
    return { item, outcome: { status: 'fulfilled', value: await promise } };
  } catch (reason) {
    return { item, outcome: { status: 'rejected', reason } };
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * The outbox relay: publishes each outbox record a batch of a service table's stream inserted, then marks it
 * published. The table decides what is pending, not the stream: a record marked by an earlier attempt is
 * skipped, so a retried batch never publishes an event twice. Failures are per record, for partial batch
 * responses. One crash window remains (EventBridge accepted, the mark not yet written): the retry publishes that
 * event again, which consumers absorb by eventId.
 */
export class OutboxRelay {
  private readonly store: OutboxStore;
  private readonly publisher: OutboxEventPublisher;
  private readonly clock: OutboxClock;
  private readonly skPrefix: string;

  constructor(dependencies: OutboxRelayDependencies) {
    this.store = dependencies.store;
    this.publisher = dependencies.publisher;
    this.clock = dependencies.clock ?? systemClock;
    this.skPrefix = dependencies.skPrefix ?? OUTBOX_SK_PREFIX;
  }

  async relay(records: readonly DynamoDBRecord[]): Promise<RelayResult> {
    const failures: RelayFailure[] = [];
    const candidates: OutboxStreamRecord[] = [];
    let ignored = 0;
    for (const record of records) {
      try {
        const outbox = outboxRecordFromStream(record, this.skPrefix);
        if (outbox) candidates.push(outbox);
        else ignored += 1;
      } catch (error) {
        if (!(error instanceof InvalidOutboxRecord)) throw error;
        failures.push({ sequenceNumber: error.sequenceNumber, reason: error.message });
      }
    }

    const pending: OutboxStreamRecord[] = [];
    const skipped: RelayResult['skipped'][number][] = [];
    const states = await Promise.all(
      candidates.map((candidate) => settle(candidate, this.store.stateOf(candidate.key))),
    );
    for (const { item: candidate, outcome } of states) {
      const eventId = candidate.envelope.eventId;
      if (outcome.status === 'rejected')
        failures.push({
          sequenceNumber: candidate.sequenceNumber,
          eventId,
          reason: `reading its state failed: ${reasonOf(outcome.reason)}`,
        });
      else if (outcome.value === 'pending') pending.push(candidate);
      else skipped.push({ eventId, state: outcome.value });
    }

    const refused = await this.publishAll(pending.map((candidate) => candidate.envelope));
    const accepted = pending.filter((candidate) => {
      const reason = refused.get(candidate.envelope.eventId);
      if (reason !== undefined)
        failures.push({ sequenceNumber: candidate.sequenceNumber, eventId: candidate.envelope.eventId, reason });
      return reason === undefined;
    });

    const publishedAt = this.clock.now();
    const marks = await Promise.all(
      accepted.map((candidate) => settle(candidate, this.store.markPublished(candidate.key, publishedAt))),
    );
    const unmarked = marks.flatMap(({ item, outcome }) =>
      outcome.status === 'rejected' ? [{ eventId: item.envelope.eventId, reason: reasonOf(outcome.reason) }] : [],
    );

    // In stream order, so the first failure is the mapping's checkpoint.
    const order = new Map(records.map((record, i) => [record.dynamodb?.SequenceNumber, i]));
    failures.sort((a, b) => (order.get(a.sequenceNumber) ?? 0) - (order.get(b.sequenceNumber) ?? 0));
    return { published: accepted.map((candidate) => candidate.envelope.eventId), skipped, ignored, failures, unmarked };
  }

  /** Publishes what it can; answers the refused events with why. An event too large for any request is set aside. */
  private async publishAll(envelopes: readonly EventEnvelope[]): Promise<Map<string, string>> {
    const refused = new Map<string, string>();
    let remaining = envelopes;
    while (remaining.length > 0) {
      try {
        await this.publisher.publish(remaining);
        return refused;
      } catch (error) {
        if (error instanceof EventTooLargeToPublish) {
          refused.set(error.eventId, reasonOf(error));
          remaining = remaining.filter((envelope) => envelope.eventId !== error.eventId);
        } else if (error instanceof EventsNotPublished) {
          for (const failure of error.failures)
            refused.set(
              failure.eventId,
              `EventBridge refused it: ${failure.errorCode}${failure.errorMessage ? ` (${failure.errorMessage})` : ''}`,
            );
          return refused;
        } else {
          for (const envelope of remaining) refused.set(envelope.eventId, `publishing failed: ${reasonOf(error)}`);
          return refused;
        }
      }
    }
    return refused;
  }
}
