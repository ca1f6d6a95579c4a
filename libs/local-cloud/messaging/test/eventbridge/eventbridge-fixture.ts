import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import type { BusSpec, RuleSpec } from '../../src/eventbridge/eventbridge-specs';
import { LocalEventBridge } from '../../src/eventbridge/local-eventbridge';
import { ACCOUNT, NAMING, REGION, serveEndpoint, type ServedEndpoint } from '../served-endpoint';

export { ACCOUNT, REGION };
export const events: BusSpec = {
  name: 'harbor-test-events',
  arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/harbor-test-events`,
};

export function rule(overrides: Partial<RuleSpec> & Pick<RuleSpec, 'name' | 'functionId' | 'eventPattern'>): RuleSpec {
  const retryPolicy = { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 };
  return { bus: events.name, retryPolicy, deadLetterQueue: true, ...overrides };
}

export type EventBridgeFixture = ServedEndpoint<EventBridgeClient>;

/** The local EventBridge behind a real HTTP server, a real EventBridge client pointed at it, a scripted runtime. */
export function startEventBridge(
  rules: readonly RuleSpec[],
  invoker = new ScriptedInvoker(),
): Promise<EventBridgeFixture> {
  return serveEndpoint({
    invoker,
    // Jitter at its maximum, so retry waits are the schedule's upper bound.
    delivery: { random: () => 1 },
    endpoint: (delivery, trace) => new LocalEventBridge({ buses: [events], rules, delivery, trace, ...NAMING }),
    client: (endpoint, credentials) => new EventBridgeClient({ region: REGION, endpoint, credentials }),
  });
}
