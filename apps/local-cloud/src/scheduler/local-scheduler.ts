import type { DeliveryRequest } from '@harbor/local-cloud-messaging';
import { randomUUID } from 'node:crypto';
import { keyOf, type ScheduleStore, type StoredSchedule } from './schedule-store';

/** One firing, for accuracy figures: when the (sped-up) clock said it was due, and when it was handed over. */
export interface Firing {
  readonly schedule: string;
  readonly dueAtMs: number;
  readonly firedAtMs: number;
}

export interface LocalSchedulerOptions {
  readonly store: ScheduleStore;
  /** Where due schedules go: the delivery engine retries by the schedule's policy, then dead-letters. */
  readonly deliver: (request: DeliveryRequest) => void;
  /** The local function id of a Lambda ARN, or undefined when no declared function has it. */
  readonly functionIdOfArn: (arn: string) => string | undefined;
  /**
   * How many times faster than real time schedules come due: with 60, a schedule due in 15 minutes fires after
   * 15 seconds (counted from its creation). 1 is real time.
   */
  readonly speed: number;
  readonly now?: () => number;
  readonly onFired?: (firing: Firing) => void;
}

// setTimeout holds at most 2^31-1 ms (about 24.8 days); a later schedule re-arms on the way.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * EventBridge Scheduler's one-time schedules on one machine: each fires once when due, invoking its Lambda target
 * asynchronously with its Input, and deletes itself when ActionAfterCompletion is DELETE. Schedules on disk are
 * armed again at start; one that came due while the process was down fires at once, as AWS would still run it.
 */
export class LocalScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly options: LocalSchedulerOptions) {
    if (!Number.isFinite(options.speed) || options.speed <= 0) {
      throw new RangeError(`the scheduler's clock speed must be a positive number, got ${options.speed}`);
    }
    this.now = options.now ?? Date.now;
  }

  /** Arms every stored schedule that has yet to fire. */
  start(): void {
    for (const schedule of this.options.store.all()) this.arm(schedule);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  get(groupName: string, name: string): StoredSchedule | undefined {
    return this.options.store.get(groupName, name);
  }

  /** Stores and arms a new schedule (the caller validated it and checked it does not exist). */
  add(schedule: StoredSchedule): void {
    this.options.store.put(schedule);
    this.arm(schedule);
  }

  delete(groupName: string, name: string): boolean {
    const key = keyOf(groupName, name);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    return this.options.store.delete(groupName, name);
  }

  /** The real time at which a schedule fires: its creation plus its wait, divided by the clock's speed. */
  firesAtMs(schedule: StoredSchedule): number {
    const createdAt = Date.parse(schedule.createdAt);
    return Math.ceil(createdAt + Math.max(0, Date.parse(schedule.dueAt) - createdAt) / this.options.speed);
  }

  private arm(schedule: StoredSchedule): void {
    if (this.stopped || schedule.firedAt !== undefined || schedule.state !== 'ENABLED') return;
    const key = keyOf(schedule.groupName, schedule.name);
    const wait = this.firesAtMs(schedule) - this.now();
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        if (wait > MAX_TIMER_MS) this.arm(schedule);
        else this.fire(key);
      },
      Math.min(Math.max(0, Math.ceil(wait)), MAX_TIMER_MS),
    );
    this.timers.set(key, timer);
  }

  private fire(key: string): void {
    const slash = key.indexOf('/');
    const schedule = this.options.store.get(key.slice(0, slash), key.slice(slash + 1));
    if (!schedule || this.stopped) return;
    const firedAtMs = this.now();
    this.options.deliver(this.deliveryOf(schedule));
    this.options.onFired?.({ schedule: key, dueAtMs: this.firesAtMs(schedule), firedAtMs });
    if (schedule.actionAfterCompletion === 'DELETE') this.options.store.delete(schedule.groupName, schedule.name);
    else this.options.store.put({ ...schedule, firedAt: new Date(firedAtMs).toISOString() });
  }

  private deliveryOf(schedule: StoredSchedule): DeliveryRequest {
    const { target } = schedule;
    const messageId = randomUUID();
    const event = parsedInput(target.input);
    const fromInput = (event as { correlationId?: unknown } | null)?.correlationId;
    return {
      target: {
        service: 'scheduler',
        name: keyOf(schedule.groupName, schedule.name),
        // Checked when the schedule was created; a target gone since is the delivery's ResourceNotFoundException.
        functionId: this.options.functionIdOfArn(target.arn) ?? target.arn,
        // The queue named by the schedule's DeadLetterConfig ARN (arn:aws:sqs:<region>:<account>:<name>).
        deadLetterQueue: target.deadLetterArn?.split(':').at(-1),
        // Scheduler retries with exponential backoff and jitter within the schedule's policy, as EventBridge targets:
        // https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html
        serviceRetry: { kind: 'eventbridge', ...target.retryPolicy },
      },
      origin: schedule.arn,
      messageId,
      correlationId: typeof fromInput === 'string' && fromInput !== '' ? fromInput : messageId,
      event,
    };
  }
}

/** Scheduler hands a Lambda target its Input as the payload; without one, an empty JSON object. */
function parsedInput(input: string | undefined): unknown {
  if (input === undefined) return {};
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}
