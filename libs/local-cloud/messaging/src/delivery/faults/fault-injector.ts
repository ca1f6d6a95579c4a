import { NO_FAULTS, type FaultConfig, type FaultTrigger, type FunctionFault, type TableFault } from './fault-config';
import { seededRandom } from './seeded-random';

/** Where faults were injected: one counter per target name, per kind of target. */
export type FaultCategory =
  'functions' | 'topics' | 'rules' | 'schedules' | 'tables' | 'streams' | 'duplicates' | 'targets';

export interface FaultSnapshot {
  readonly config: FaultConfig;
  /** The seed in use (the configured one, or the one drawn when none was given). */
  readonly seed: number;
  readonly injected: Readonly<Record<FaultCategory, Readonly<Record<string, number>>>>;
  readonly total: number;
}

const CATEGORIES: readonly FaultCategory[] = [
  'functions',
  'topics',
  'rules',
  'schedules',
  'tables',
  'streams',
  'duplicates',
  'targets',
];
/** Real milliseconds over which reordered copies are spread: enough to interleave a burst of messages. */
const REORDER_WINDOW_MS = 30;

/**
 * The local cloud's one fault-injection mechanism: holds the configuration set through /_local/faults (or
 * HARBOR_FAULTS), decides with a seeded generator whether each attempt fails, and counts what it injected.
 * Replacing the configuration resets the counters, the "first N attempts" budgets and the generator.
 */
export class FaultInjector {
  private config: FaultConfig = NO_FAULTS;
  private seed = 0;
  private random: () => number = Math.random;
  private attempts = new Map<string, number>();
  /** Budgets fixed on targets in code outlive configuration changes. */
  private readonly budgets = new Map<string, number>();
  private injected = emptyCounters();

  constructor(config: FaultConfig = NO_FAULTS) {
    this.configure(config);
  }

  configure(config: FaultConfig): void {
    this.config = config;
    this.seed = config.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.random = seededRandom(this.seed);
    this.attempts = new Map();
    this.injected = emptyCounters();
  }

  clear(): void {
    this.configure(NO_FAULTS);
  }

  snapshot(): FaultSnapshot {
    const injected = Object.fromEntries(
      CATEGORIES.map((category) => [category, Object.fromEntries(this.injected[category])]),
    ) as FaultSnapshot['injected'];
    const total = CATEGORIES.filter((category) => category !== 'duplicates').reduce(
      (sum, category) => sum + sumOf(this.injected[category]),
      0,
    );
    return { config: this.config, seed: this.seed, injected, total };
  }

  /** What happens to this invocation of the function instead of running it, if anything. */
  functionFault(functionId: string): FunctionFault['fault'] | undefined {
    return this.fire('functions', this.config.functions, [functionId])?.fault;
  }

  /** True when SNS fails to hand this topic's message to the Lambda service on this attempt. */
  topicFault(topic: string): boolean {
    return this.fire('topics', this.config.topics, [topic]) !== undefined;
  }

  /** True when EventBridge fails to reach this rule's target on this attempt. */
  ruleFault(rule: string): boolean {
    return this.fire('rules', this.config.rules, [rule]) !== undefined;
  }

  /** True when EventBridge Scheduler fails to reach this schedule's target on this attempt. */
  scheduleFault(schedule: string): boolean {
    return this.fire('schedules', this.config.schedules, [schedule]) !== undefined;
  }

  /** DynamoDB's throttling error to answer a call touching these tables, if any. */
  tableFault(tables: readonly string[]): TableFault['error'] | undefined {
    for (const table of tables) {
      const fault = this.fire('tables', this.config.tables, [table]);
      if (fault) return fault.error;
    }
    return undefined;
  }

  /** How many records of this stream batch are handled before the invocation dies, if it does. */
  streamFault(names: {
    readonly functionId: string;
    readonly mapping: string;
    readonly table: string;
  }): number | undefined {
    return this.fire('streams', this.config.streams, [names.functionId, names.mapping, names.table])?.dropAfterRecords;
  }

  /**
   * A target's own fixed budget ("its first N attempts fail", set in code by a spec rather than through the API),
   * counted with the rest.
   */
  budgetFault(target: string, kind: string, budget: number): boolean {
    const key = `${kind}#${target}`;
    const used = this.budgets.get(key) ?? 0;
    if (used >= budget) return false;
    this.budgets.set(key, used + 1);
    this.count('targets', target);
    return true;
  }

  /** How many times to deliver one message (1 without the duplicate mode); extra copies are counted. */
  copies(target: string): number {
    const range = this.config.delivery.duplicates;
    if (!range) return 1;
    const copies = range.min + Math.floor(this.random() * (range.max - range.min + 1));
    if (copies > 1) this.count('duplicates', target, copies - 1);
    return copies;
  }

  /** Real milliseconds to hold one copy back so copies of different messages arrive in random order. */
  reorderDelayMs(): number {
    return this.config.delivery.reorder ? Math.floor(this.random() * REORDER_WINDOW_MS) : 0;
  }

  private fire<Rule extends FaultTrigger>(
    category: FaultCategory,
    rules: readonly Rule[],
    names: readonly string[],
  ): Rule | undefined {
    const [name] = names;
    if (name === undefined) return undefined;
    for (const [index, rule] of rules.entries()) {
      if (rule.match !== undefined && !names.some((candidate) => matches(rule.match as string, candidate))) continue;
      if (!this.triggers(rule, `${category}#${index}#${name}`)) continue;
      this.count(category, name);
      return rule;
    }
    return undefined;
  }

  private triggers(rule: FaultTrigger, key: string): boolean {
    if (rule.probability !== undefined) return this.random() < rule.probability;
    const used = this.attempts.get(key) ?? 0;
    if (used >= (rule.firstAttempts ?? 0)) return false;
    this.attempts.set(key, used + 1);
    return true;
  }

  private count(category: FaultCategory, name: string, by = 1): void {
    const counters = this.injected[category];
    counters.set(name, (counters.get(name) ?? 0) + by);
  }
}

/** `orders.*` matches `orders.placeOrder`; without `*` the name must be equal. */
export function matches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

function emptyCounters(): Record<FaultCategory, Map<string, number>> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, new Map<string, number>()])) as Record<
    FaultCategory,
    Map<string, number>
  >;
}

function sumOf(counters: Map<string, number>): number {
  let sum = 0;
  for (const value of counters.values()) sum += value;
  return sum;
}
