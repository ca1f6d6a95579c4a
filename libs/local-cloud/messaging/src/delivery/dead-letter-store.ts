import { randomUUID } from 'node:crypto';
import type { DeadLetter, DeadLetterQueueView, RedriveResult } from './dead-letter';
import type { DeadLetterLog, OpenedDeadLetterLog } from './dead-letter-log';
import type { DeliveryFailure } from './delivery-failure';
import { failureStage } from './delivery-failure';
import type { DeliveryRequest } from './delivery-request';
import { DeadLetterQueueNotFound } from './errors';

/** Sends one dead letter again, once; answers the failure when it fails again. */
export type Redeliver = (request: DeliveryRequest) => Promise<{ ok: true } | { ok: false; failure: DeliveryFailure }>;

export interface NewDeadLetter {
  readonly request: DeliveryRequest;
  readonly failure: DeliveryFailure;
  readonly attempts: number;
  readonly firstAttemptAt: Date;
  readonly lastAttemptAt: Date;
}

interface StoredLetter {
  letter: DeadLetter;
  readonly request: DeliveryRequest;
}

/**
 * Dead letters per queue, in arrival order. In memory; with a log (data on disk) every change is also written
 * there, and the letters a previous run left are back in their queues.
 */
export class DeadLetterStore {
  private readonly queues = new Map<string, StoredLetter[]>();
  private readonly log: DeadLetterLog | undefined;

  /** `persisted`: the log to write to, and the letters it held when opened (DeadLetterLog.open). */
  constructor(
    private readonly redeliver: Redeliver,
    private readonly now: () => Date = () => new Date(),
    persisted?: OpenedDeadLetterLog,
  ) {
    this.log = persisted?.log;
    for (const { letter, request } of persisted?.letters ?? []) this.queue(letter.queueName).push({ letter, request });
  }

  /** Makes an (empty) queue visible before anything fails, as a deployed DLQ would be. */
  declareQueue(name: string): void {
    this.queue(name);
  }

  add(input: NewDeadLetter): DeadLetter {
    const { request, failure } = input;
    const queueName = request.target.deadLetterQueue;
    if (queueName === undefined) {
      throw new Error(`${request.target.name} has no dead-letter queue: the message must be dropped, not stored`);
    }
    const letter: DeadLetter = {
      id: randomUUID(),
      queueName,
      service: request.target.service,
      origin: request.origin,
      target: request.target.name,
      functionId: request.target.functionId,
      messageId: request.messageId,
      correlationId: request.correlationId,
      message: request.event,
      error: { stage: failureStage(failure.kind), errorType: failure.errorType, errorMessage: failure.errorMessage },
      attempts: input.attempts,
      firstAttemptAt: input.firstAttemptAt.toISOString(),
      lastAttemptAt: input.lastAttemptAt.toISOString(),
      deadLetteredAt: this.now().toISOString(),
      redriveCount: 0,
    };
    this.queue(queueName).push({ letter, request });
    this.log?.added({ letter, request });
    return letter;
  }

  /** Every declared queue with its messages, queues sorted by name. */
  list(): DeadLetterQueueView[] {
    return [...this.queues.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, stored]) => ({ name, messages: stored.map((entry) => entry.letter) }));
  }

  get(id: string): DeadLetter | undefined {
    for (const stored of this.queues.values()) {
      const found = stored.find((entry) => entry.letter.id === id);
      if (found) return found.letter;
    }
    return undefined;
  }

  /**
   * Sends every message of the queue to its original target once, in order. A delivered message leaves the
   * queue; a failed one stays with its redrive count incremented and its latest error.
   */
  async redrive(queueName: string): Promise<RedriveResult> {
    const stored = this.queues.get(queueName);
    if (!stored) throw new DeadLetterQueueNotFound(queueName, [...this.queues.keys()].sort());
    const batch = [...stored];
    let delivered = 0;
    for (const entry of batch) {
      const outcome = await this.redeliver(entry.request);
      const at = this.now().toISOString();
      if (outcome.ok) {
        stored.splice(stored.indexOf(entry), 1);
        this.log?.removed(entry.letter.id);
        delivered += 1;
        continue;
      }
      const { failure } = outcome;
      entry.letter = {
        ...entry.letter,
        error: { stage: failureStage(failure.kind), errorType: failure.errorType, errorMessage: failure.errorMessage },
        redriveCount: entry.letter.redriveCount + 1,
        lastRedriveAt: at,
        lastAttemptAt: at,
      };
      this.log?.updated(entry.letter);
    }
    return { queueName, redriven: batch.length, delivered, failed: batch.length - delivered, remaining: stored.length };
  }

  private queue(name: string): StoredLetter[] {
    let stored = this.queues.get(name);
    if (!stored) this.queues.set(name, (stored = []));
    return stored;
  }
}
