import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import type { EventEnvelope } from '@harbor/contracts';
import { EventsNotPublished, type UnpublishedEvent } from '../errors';
import type { OutboxEventPublisher } from '../outbox/outbox.ports';
import { toPutEventsBatches } from './put-events-batches';
import { toPendingEntry, type PendingEntry } from './put-events-entry';

export interface EventBridgeEventPublisherOptions {
  /** Name (or ARN) of the custom bus. */
  readonly busName: string;
  /** The publishing service, `harbor.<service>`: rules match on it. */
  readonly source: string;
  readonly client?: EventBridgeClient;
  /** Attempts per entry, the first included. */
  readonly maxAttempts?: number;
  /** Delay before the first retry; each later retry waits twice as long (plus jitter). */
  readonly retryBaseDelayMs?: number;
}

interface Failure extends UnpublishedEvent {
  readonly pending: PendingEntry;
  /** Set when the whole call failed: the SDK has already retried it, so we do not. */
  readonly callError?: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes envelopes to an EventBridge bus. A PutEvents call can succeed while refusing some of its entries
 * (FailedEntryCount > 0): only those entries are sent again, with exponential backoff, and whatever is still
 * refused after the last attempt is reported by event id and error code.
 */
export class EventBridgeEventPublisher implements OutboxEventPublisher {
  private readonly client: EventBridgeClient;
  private readonly busName: string;
  private readonly source: string;
  private readonly maxAttempts: number;
  private readonly retryBaseDelayMs: number;

  constructor(options: EventBridgeEventPublisherOptions) {
    if (!options.busName) throw new TypeError('EventBridgeEventPublisher needs a busName');
    if (!options.source) throw new TypeError('EventBridgeEventPublisher needs a source');
    const maxAttempts = options.maxAttempts ?? 3;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
    this.client = options.client ?? new EventBridgeClient({});
    this.busName = options.busName;
    this.source = options.source;
    this.maxAttempts = maxAttempts;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const target = { busName: this.busName, source: this.source };
    const batches = toPutEventsBatches(events.map((envelope) => toPendingEntry(envelope, target)));
    const failures: Failure[] = [];
    // One batch at a time: a bus that throttles gets no burst from us, and a failed batch does not stop the rest.
    for (const batch of batches) failures.push(...(await this.sendWithRetries(batch)));
    if (failures.length > 0) {
      const callError = failures.find((failure) => failure.callError !== undefined)?.callError;
      throw new EventsNotPublished(
        failures.map(({ eventId, errorCode, errorMessage }) => ({
          eventId,
          errorCode,
          ...(errorMessage ? { errorMessage } : {}),
        })),
        callError === undefined ? undefined : { cause: callError },
      );
    }
  }

  private async sendWithRetries(batch: readonly PendingEntry[]): Promise<Failure[]> {
    let failures = await this.send(batch);
    for (let attempt = 2; attempt <= this.maxAttempts && failures.length > 0 && !failures[0]?.callError; attempt += 1) {
      await sleep(this.backoffMs(attempt - 1));
      failures = await this.send(failures.map((failure) => failure.pending));
    }
    return failures;
  }

  /** The entries of this request that EventBridge did not accept. */
  private async send(batch: readonly PendingEntry[]): Promise<Failure[]> {
    let output: PutEventsCommandOutput;
    try {
      output = await this.client.send(new PutEventsCommand({ Entries: batch.map((pending) => pending.entry) }));
    } catch (callError) {
      const errorCode = callError instanceof Error ? callError.name : 'UnknownError';
      return batch.map((pending) => ({ pending, eventId: pending.eventId, errorCode, callError }));
    }
    if (!output.FailedEntryCount) return [];
    // Result entries are in request order, one per request entry.
    return batch.flatMap((pending, index) => {
      const result: PutEventsResultEntry | undefined = output.Entries?.[index];
      if (result?.EventId && !result.ErrorCode) return [];
      return [
        {
          pending,
          eventId: pending.eventId,
          errorCode: result?.ErrorCode ?? 'NoResultEntry',
          ...(result?.ErrorMessage ? { errorMessage: result.ErrorMessage } : {}),
        },
      ];
    });
  }

  /** base, 2×base, 4×base… each with up to 50 % random jitter so retrying publishers spread out. */
  private backoffMs(retry: number): number {
    const delay = this.retryBaseDelayMs * 2 ** (retry - 1);
    return delay / 2 + Math.random() * (delay / 2);
  }
}
