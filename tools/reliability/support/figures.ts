import { appendFileSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { FIGURES_FILE_VARIABLE, defaultFiguresFile } from './figures-file.cjs';

/** One promise a suite proved, with what it took to prove it. Counts a suite did not use stay out (printed as –). */
export interface Figures {
  /** The promise, in a few words ("no oversell: 500 orders for 5 × 100 units"). */
  readonly promise: string;
  readonly requests?: number;
  readonly events?: number;
  readonly duplicatesInjected?: number;
  readonly faultsInjected?: number;
  readonly dlqRedriven?: number;
  readonly fuzzCases?: number;
  readonly authCases?: number;
  /** Times the program ended on its own (a crash) while the suite ran. */
  readonly processExits?: number;
  /** Answers with a 5xx status. */
  readonly serverErrors?: number;
  /** Requests answered although they had to be refused. */
  readonly letThrough?: number;
  /** What should exist and does not (orders, events, units of stock…), as counted by the suite. */
  readonly lost: number;
  /** What exists twice or more though it should exist once. */
  readonly doubled: number;
  readonly notes?: string;
}

export interface FiguresRow extends Figures {
  /** The suite file that recorded the row. */
  readonly suite: string;
  readonly recordedAt: string;
}

const COUNTS = [
  'requests',
  'events',
  'duplicatesInjected',
  'faultsInjected',
  'dlqRedriven',
  'fuzzCases',
  'authCases',
  'processExits',
  'serverErrors',
  'letThrough',
  'lost',
  'doubled',
] as const;

/**
 * Appends one row to this run's figures file; the reliability reporter prints every row as one table when the run
 * ends. Call it after the assertions that prove the promise, so a failed promise records no figures.
 */
export function recordFigures(figures: Figures): void {
  for (const count of COUNTS) {
    const value = figures[count];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0))
      throw new Error(`recordFigures: ${count} must be a whole number ≥ 0, got ${value}`);
  }
  const testPath = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState().testPath;
  const row: FiguresRow = {
    ...figures,
    suite: testPath ? basename(testPath) : 'unknown',
    recordedAt: new Date().toISOString(),
  };
  const file = process.env[FIGURES_FILE_VARIABLE] ?? defaultFiguresFile();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}
