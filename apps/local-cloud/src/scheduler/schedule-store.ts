import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A schedule as the local scheduler keeps it: what CreateSchedule was given, plus its own bookkeeping. */
export interface StoredSchedule {
  readonly name: string;
  readonly groupName: string;
  readonly arn: string;
  readonly expression: string;
  readonly timezone: string;
  readonly dueAt: string;
  /** When it was created (ISO), from which a sped-up clock counts. */
  readonly createdAt: string;
  readonly state: 'ENABLED' | 'DISABLED';
  readonly actionAfterCompletion: 'NONE' | 'DELETE';
  readonly description?: string;
  readonly target: {
    readonly arn: string;
    readonly roleArn: string;
    readonly input?: string;
    readonly retryPolicy: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number };
    readonly deadLetterArn?: string;
  };
  /** Set once it fired: a one-time schedule kept after completion (ActionAfterCompletion NONE) never fires again. */
  readonly firedAt?: string;
}

/**
 * The schedules, by `<group>/<name>`, kept in one JSON file when a data directory is set (written whole and
 * renamed into place, so a kill never leaves half a file), so schedules outlive a restart as they do in AWS.
 */
export class ScheduleStore {
  private readonly schedules = new Map<string, StoredSchedule>();

  constructor(private readonly file: string | undefined) {
    if (file && existsSync(file)) {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { schedules?: StoredSchedule[] };
      for (const schedule of stored.schedules ?? [])
        this.schedules.set(keyOf(schedule.groupName, schedule.name), schedule);
    }
  }

  get(groupName: string, name: string): StoredSchedule | undefined {
    return this.schedules.get(keyOf(groupName, name));
  }

  all(): StoredSchedule[] {
    return [...this.schedules.values()];
  }

  put(schedule: StoredSchedule): void {
    this.schedules.set(keyOf(schedule.groupName, schedule.name), schedule);
    this.flush();
  }

  delete(groupName: string, name: string): boolean {
    const deleted = this.schedules.delete(keyOf(groupName, name));
    if (deleted) this.flush();
    return deleted;
  }

  private flush(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ schedules: this.all() }));
    renameSync(temporary, this.file);
  }
}

export const keyOf = (groupName: string, name: string): string => `${groupName}/${name}`;
