import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { randomUUID } from 'node:crypto';
import { DeadLetterStore } from './dead-letter-store';
import type { OpenedDeadLetterLog } from './dead-letter-log';
import type { DeliveryJournal, JournaledDelivery } from './delivery-journal';
import type { DeliveryFailure } from './delivery-failure';
import type { DeliveryRequest } from './delivery-request';
import { attemptDelivery, type AttemptResult } from './delivery-attempt';
import { InvalidDeliverySetting } from './errors';
import { FaultInjector } from './faults/fault-injector';
import { lambdaFunctionErrorDelayMs, lambdaThrottleDelayMs, serviceRetryDelayMs } from './retry-schedules';
import { messageOf } from './thrown-error';

export interface AsyncDeliveryOptions {
  readonly invoker: Invoker;
  readonly trace: TraceRecorder;
  /** Every AWS wait is divided by this: with 1000 (the default), Lambda's one-minute retry wait takes 60 ms. */
  readonly timeCompression?: number;
  /** Source of jitter; inject a fixed one in tests. */
  readonly random?: () => number;
  readonly now?: () => Date;
  /** Injected faults and the duplicate/reorder mode; none by default. */
  readonly faults?: FaultInjector;
  /** Where accepted deliveries are kept until they settle, so a killed process delivers them after its restart. */
  readonly journal?: DeliveryJournal;
  /** Where dead letters are kept (DeadLetterLog.open), so they outlive a restart as an SQS queue's messages do. */
  readonly deadLetterLog?: OpenedDeadLetterLog;
}

export const DEFAULT_TIME_COMPRESSION = 1000;

interface Job {
  /** The delivery's line in the journal. */
  readonly id: string;
  readonly request: DeliveryRequest;
  attempts: number;
  serviceRetries: number;
  functionRetries: number;
  throttleRetries: number;
  /** AWS time the event has waited between attempts (uncompressed); the age limits apply to it. */
  eventAgeMs: number;
  firstAttemptAt: Date | undefined;
  /** 1 for the message, 2 and up for copies the duplicate mode added. */
  readonly copy: number;
}

/**
 * Delivers SNS and EventBridge messages to functions after the publishing call has answered, with AWS's retry
 * layers (see README.md), then dead-letters or drops what still fails. Every attempt, retry and dead letter
 * is recorded in the trace with the message's correlation id.
 */
export class AsyncDelivery {
  readonly deadLetters: DeadLetterStore;
  private readonly invoker: Invoker;
  private readonly trace: TraceRecorder;
  private readonly timeCompression: number;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly faults: FaultInjector;
  private readonly journal: DeliveryJournal | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private idleWaiters: (() => void)[] = [];
  private inFlight = 0;
  private stopped = false;

  constructor(options: AsyncDeliveryOptions) {
    const compression = options.timeCompression ?? DEFAULT_TIME_COMPRESSION;
    if (!Number.isFinite(compression) || compression <= 0) {
      throw new InvalidDeliverySetting(`timeCompression must be a positive number, got ${compression}`);
    }
    this.invoker = options.invoker;
    this.trace = options.trace;
    this.timeCompression = compression;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.faults = options.faults ?? new FaultInjector();
    this.journal = options.journal;
    this.deadLetters = new DeadLetterStore((request) => this.redeliver(request), this.now, options.deadLetterLog);
  }

  /**
   * Queues one message for one target; the first attempt runs after the current call stack (the API answer).
   * In the duplicate mode the message is queued 1 to N times, each copy retried on its own, as at-least-once allows.
   */
  deliver(request: DeliveryRequest): void {
    if (this.stopped) throw new Error('AsyncDelivery is stopped: no further deliveries are accepted');
    const copies = this.faults.copies(`${request.target.service}:${request.target.name}`);
    for (let copy = 1; copy <= copies; copy++) {
      const id = randomUUID();
      this.journal?.accepted(id, request);
      this.start(id, request, copy);
    }
  }

  /** Delivers again what a previous run accepted and never settled (the journal's unsettled deliveries). */
  resume(unsettled: readonly JournaledDelivery[]): void {
    for (const { id, request } of unsettled) this.start(id, request, 1);
  }

  private start(id: string, request: DeliveryRequest, copy: number): void {
    this.inFlight += 1;
    const job: Job = {
      id,
      request,
      attempts: 0,
      serviceRetries: 0,
      functionRetries: 0,
      throttleRetries: 0,
      eventAgeMs: 0,
      firstAttemptAt: undefined,
      copy,
    };
    this.schedule(job, 0, this.faults.reorderDelayMs());
  }

  /** Deliveries, retries and redrives not yet finished. */
  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once no delivery, retry or redrive is pending. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every scheduled retry (shutdown). Messages still waiting are abandoned, as a stopped process would. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.inFlight = 0;
    this.notifyIdle();
  }

  private schedule(job: Job, awsDelayMs: number, heldBackMs = 0): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.attempt(job).catch((error: unknown) => this.abandon(job, error));
      },
      awsDelayMs / this.timeCompression + heldBackMs,
    );
    this.timers.add(timer);
  }

  private async attempt(job: Job): Promise<void> {
    const startedAt = this.now();
    job.attempts += 1;
    job.firstAttemptAt ??= startedAt;
    const result = await attemptDelivery(job.request, this.invoker, this.faults);
    if (this.stopped) return;
    this.recordAttempt(job.request, result, startedAt, {
      attempt: job.attempts,
      ...(job.copy > 1 ? { duplicate: job.copy } : {}),
    });
    if (result.ok) return this.settle(job);
    const delay = this.nextDelay(job, result.failure);
    if (delay === undefined) {
      this.giveUp(job, result.failure, startedAt);
      return this.settle(job);
    }
    job.eventAgeMs += delay;
    this.trace.record({
      correlationId: job.request.correlationId,
      kind: 'retry',
      name: job.request.target.name,
      durationMs: 0,
      status: 'ok',
      detail: {
        functionId: job.request.target.functionId,
        messageId: job.request.messageId,
        nextAttempt: job.attempts + 1,
        retriedBy: result.failure.kind === 'service' ? job.request.target.service : 'lambda',
        after: result.failure.errorType,
        awsDelayMs: delay,
        waitMs: delay / this.timeCompression,
      },
    });
    this.schedule(job, delay);
  }

  private nextDelay(job: Job, failure: DeliveryFailure): number | undefined {
    switch (failure.kind) {
      case 'client':
        return undefined;
      case 'service':
        job.serviceRetries += 1;
        return serviceRetryDelayMs(job.request.target.serviceRetry, job.serviceRetries, job.eventAgeMs, this.random);
      case 'throttle':
        job.throttleRetries += 1;
        return lambdaThrottleDelayMs(job.throttleRetries, job.eventAgeMs);
      case 'function':
        job.functionRetries += 1;
        return lambdaFunctionErrorDelayMs(job.functionRetries);
    }
  }

  private giveUp(job: Job, failure: DeliveryFailure, lastAttemptAt: Date): void {
    const { request } = job;
    const common = {
      target: request.target.name,
      functionId: request.target.functionId,
      messageId: request.messageId,
      attempts: job.attempts,
      errorType: failure.errorType,
      errorMessage: failure.errorMessage,
    };
    if (request.target.deadLetterQueue === undefined) {
      this.trace.record({
        correlationId: request.correlationId,
        kind: 'dead-letter',
        name: request.target.name,
        durationMs: 0,
        status: 'error',
        detail: {
          ...common,
          dropped: true,
          reason: `${request.target.name} has no dead-letter queue: the message is dropped`,
        },
      });
      return;
    }
    const letter = this.deadLetters.add({
      request,
      failure,
      attempts: job.attempts,
      firstAttemptAt: job.firstAttemptAt ?? lastAttemptAt,
      lastAttemptAt,
    });
    this.trace.record({
      correlationId: request.correlationId,
      kind: 'dead-letter',
      name: letter.queueName,
      durationMs: 0,
      status: 'error',
      detail: { ...common, dropped: false, deadLetterId: letter.id, stage: letter.error.stage },
    });
  }

  private async redeliver(request: DeliveryRequest): Promise<{ ok: true } | { ok: false; failure: DeliveryFailure }> {
    this.inFlight += 1;
    try {
      const startedAt = this.now();
      const result = await attemptDelivery(request, this.invoker, this.faults);
      this.recordAttempt(request, result, startedAt, { redrive: true });
      return result.ok ? { ok: true } : { ok: false, failure: result.failure };
    } finally {
      this.settle();
    }
  }

  private recordAttempt(
    request: DeliveryRequest,
    result: AttemptResult,
    startedAt: Date,
    extra: Record<string, unknown>,
  ): void {
    this.trace.record({
      correlationId: request.correlationId,
      kind: 'delivery',
      name: request.target.name,
      startedAt,
      durationMs: result.durationMs,
      status: result.ok ? 'ok' : 'error',
      detail: {
        service: request.target.service,
        origin: request.origin,
        functionId: request.target.functionId,
        messageId: request.messageId,
        ...extra,
        ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
        ...(result.ok
          ? {}
          : {
              failure: result.failure.kind,
              errorType: result.failure.errorType,
              errorMessage: result.failure.errorMessage,
            }),
      },
    });
  }

  /** A bug in delivery itself must not leave whenIdle() hanging: record it and give the message up. */
  private abandon(job: Job, error: unknown): void {
    this.trace.record({
      correlationId: job.request.correlationId,
      kind: 'dead-letter',
      name: job.request.target.name,
      durationMs: 0,
      status: 'error',
      detail: { dropped: true, reason: `delivery failed internally: ${messageOf(error)}` },
    });
    this.settle(job);
  }

  /** One delivery or redrive is over; a delivery's journal line is settled with it. */
  private settle(job?: Job): void {
    if (job && !this.stopped) this.journal?.settled(job.id);
    if (this.inFlight > 0) this.inFlight -= 1;
    if (this.inFlight === 0) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
