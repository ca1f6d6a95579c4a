import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { physicalName, type ReliabilityCloud } from './local-cloud';

/** Every event consumer the services declare (apps/<service>/api/events.yaml), so a new one is fuzzed too. */

export interface RuleConsumer {
  readonly kind: 'eventbridge';
  /** The rule's key, as in events.yaml. */
  readonly name: string;
  readonly function: string;
  readonly source: string;
  readonly detailType: string;
  readonly deadLetterQueue: string | undefined;
}

export interface SubscriptionConsumer {
  readonly kind: 'sns';
  readonly name: string;
  readonly function: string;
  readonly topic: string;
  /** Message attributes that satisfy the subscription's filter policy, so a message reaches the function. */
  readonly attributes: Readonly<
    Record<string, { readonly DataType: 'String' | 'Number'; readonly StringValue: string }>
  >;
  readonly deadLetterQueue: string | undefined;
}

export type EventConsumer = RuleConsumer | SubscriptionConsumer;

interface EventsDeclaration {
  rules?: Record<
    string,
    { eventPattern: { source?: string[]; 'detail-type'?: string[] }; function: string; deadLetterQueue?: boolean }
  >;
  subscriptions?: Record<
    string,
    {
      topic: string;
      function: string;
      filterPolicy?: Record<string, unknown[]>;
      filterPolicyScope?: string;
      deadLetterQueue?: boolean;
    }
  >;
}

const SERVICES = ['orders', 'inventory', 'notifications'];

/** A value the filter policy's condition list accepts: the first exact string, or a number inside a numeric range. */
function acceptedValue(conditions: readonly unknown[]): { DataType: 'String' | 'Number'; StringValue: string } {
  for (const condition of conditions) {
    if (typeof condition === 'string') return { DataType: 'String', StringValue: condition };
    if (typeof condition === 'number') return { DataType: 'Number', StringValue: String(condition) };
    const numeric = (condition as { numeric?: unknown[] } | null)?.numeric;
    if (Array.isArray(numeric)) {
      const bound = Number(numeric[1]);
      return {
        DataType: 'Number',
        StringValue: String(numeric[0] === '>' ? bound + 1 : numeric[0] === '<' ? bound - 1 : bound),
      };
    }
  }
  throw new Error(`no value this suite can build satisfies ${JSON.stringify(conditions)}`);
}

export function declaredConsumers(cloud: ReliabilityCloud): EventConsumer[] {
  const root = join(__dirname, '../../..');
  return SERVICES.flatMap((service): EventConsumer[] => {
    const declared = parse(readFileSync(join(root, 'apps', service, 'api/events.yaml'), 'utf8')) as EventsDeclaration;
    const rules = Object.entries(declared.rules ?? {}).flatMap(([name, rule]) =>
      (rule.eventPattern['detail-type'] ?? []).map((detailType): RuleConsumer => ({
        kind: 'eventbridge',
        name,
        function: `${service}.${rule.function}`,
        source: rule.eventPattern.source?.[0] ?? 'harbor.unknown',
        detailType,
        deadLetterQueue: rule.deadLetterQueue ? physicalName(cloud, `${name}-dlq`) : undefined,
      })),
    );
    const subscriptions = Object.entries(declared.subscriptions ?? {}).map(
      ([name, subscription]): SubscriptionConsumer => {
        if (subscription.filterPolicyScope === 'MessageBody')
          throw new Error(`${name}: payload-scoped filter policies are not built by this suite yet`);
        return {
          kind: 'sns',
          name,
          function: `${service}.${subscription.function}`,
          topic: subscription.topic,
          attributes: Object.fromEntries(
            Object.entries(subscription.filterPolicy ?? {}).map(([key, conditions]) => [
              key,
              acceptedValue(conditions),
            ]),
          ),
          deadLetterQueue: subscription.deadLetterQueue ? physicalName(cloud, `${name}-dlq`) : undefined,
        };
      },
    );
    return [...rules, ...subscriptions];
  });
}
