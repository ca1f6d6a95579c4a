import type { DeliveryTarget } from '../delivery';
import { declaredTarget } from '../delivery/declared-target';
import { messageOf } from '../delivery/thrown-error';
import { compileEventPattern } from '../matcher';
import { InvalidEventBridgeDeclaration } from './errors';
import type { BusSpec, LocalEventBridgeOptions, RuleSpec } from './eventbridge-specs';

export type PatternOutcome =
  { readonly matched: true } | { readonly matched: false; readonly reason: string; readonly path: string };

export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly arn: string;
  readonly pattern: { match(event: unknown): PatternOutcome };
  readonly target: DeliveryTarget;
}

export interface CompiledBus {
  readonly spec: BusSpec;
  readonly rules: readonly CompiledRule[];
}

export const DEFAULT_BUS = 'default';
const BUS_ARN = /^arn:[a-z-]+:events:[a-z0-9-]+:\d{12}:event-bus\/([A-Za-z0-9._\-/]{1,256})$/;

/** Buses and their rules, checked and compiled once: a bad declaration stops start-up, naming itself. */
export class BusTopology {
  private readonly buses = new Map<string, CompiledBus>();

  constructor(options: Pick<LocalEventBridgeOptions, 'buses' | 'rules' | 'region' | 'accountId' | 'env'>) {
    const rulesByBus = new Map<string, CompiledRule[]>();
    const defaultBus: BusSpec = {
      name: DEFAULT_BUS,
      arn: `arn:aws:events:${options.region}:${options.accountId}:event-bus/${DEFAULT_BUS}`,
    };
    for (const bus of [defaultBus, ...options.buses]) {
      const match = BUS_ARN.exec(bus.arn);
      if (!match || match[1] !== bus.name)
        throw new InvalidEventBridgeDeclaration(
          `Bus ${bus.name}: ${bus.arn} is not an event bus ARN ending in the bus's name`,
        );
      if (this.buses.has(bus.name)) throw new InvalidEventBridgeDeclaration(`Bus ${bus.name} is declared twice`);
      const rules: CompiledRule[] = [];
      rulesByBus.set(bus.name, rules);
      this.buses.set(bus.name, { spec: bus, rules });
    }
    for (const spec of options.rules) {
      const rules = rulesByBus.get(spec.bus);
      if (!rules)
        throw new InvalidEventBridgeDeclaration(`Rule ${spec.name}: bus ${spec.bus} is not declared`, spec.name);
      if (rules.some((rule) => rule.spec.name === spec.name))
        throw new InvalidEventBridgeDeclaration(`Rule ${spec.name} is declared twice on bus ${spec.bus}`);
      const ruleArnPath = spec.bus === DEFAULT_BUS ? spec.name : `${spec.bus}/${spec.name}`;
      rules.push(
        compileRule(spec, `arn:aws:events:${options.region}:${options.accountId}:rule/${ruleArnPath}`, options.env),
      );
    }
  }

  /** A bus by name or ARN. */
  bus(nameOrArn: string): CompiledBus | undefined {
    return this.buses.get(BUS_ARN.exec(nameOrArn)?.[1] ?? nameOrArn);
  }

  /** Every bus, `default` first, then in declaration order. */
  all(): CompiledBus[] {
    return [...this.buses.values()];
  }

  deadLetterQueues(): string[] {
    return [...this.buses.values()].flatMap((bus) => bus.rules.flatMap((rule) => rule.target.deadLetterQueue ?? []));
  }
}

function compileRule(spec: RuleSpec, arn: string, env: string): CompiledRule {
  const { maximumRetryAttempts, maximumEventAgeSeconds } = spec.retryPolicy;
  if (!Number.isInteger(maximumRetryAttempts) || maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
    throw new InvalidEventBridgeDeclaration(
      `Rule ${spec.name}: maximumRetryAttempts must be an integer from 0 to 185, got ${maximumRetryAttempts}`,
    );
  }
  if (!Number.isInteger(maximumEventAgeSeconds) || maximumEventAgeSeconds < 60 || maximumEventAgeSeconds > 86_400) {
    throw new InvalidEventBridgeDeclaration(
      `Rule ${spec.name}: maximumEventAgeSeconds must be an integer from 60 to 86400, got ${maximumEventAgeSeconds}`,
    );
  }
  let pattern: CompiledRule['pattern'];
  try {
    pattern = compileEventPattern(spec.eventPattern);
  } catch (error) {
    const message = `Rule ${spec.name}: invalid event pattern: ${messageOf(error)}`;
    throw new InvalidEventBridgeDeclaration(message, spec.name, { cause: error });
  }
  return {
    spec,
    arn,
    pattern,
    target: declaredTarget('eventbridge', spec, env, {
      kind: 'eventbridge',
      maximumRetryAttempts,
      maximumEventAgeSeconds,
    }),
  };
}
