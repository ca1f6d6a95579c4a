import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { AsyncDelivery } from '../../src/delivery';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import type { BusSpec, RuleSpec } from '../../src/eventbridge/eventbridge-specs';
import { LocalEventBridge } from '../../src/eventbridge/local-eventbridge';
import { ScriptedInvoker, serve, type RunningServer } from '@harbor/local-cloud-lambda/testing';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const events: BusSpec = { name: 'harbor-test-events', arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/harbor-test-events` };

export function rule(overrides: Partial<RuleSpec> & Pick<RuleSpec, 'name' | 'functionId' | 'eventPattern'>): RuleSpec {
  return { bus: events.name, retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 }, deadLetterQueue: true, ...overrides };
}

export interface EventBridgeFixture {
  readonly client: EventBridgeClient;
  readonly invoker: ScriptedInvoker;
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** The local EventBridge behind a real HTTP server, a real EventBridge client pointed at it, and a scripted fake runtime. */
export async function startEventBridge(rules: readonly RuleSpec[], invoker = new ScriptedInvoker()): Promise<EventBridgeFixture> {
  const trace = new TraceRecorder();
  const delivery = new AsyncDelivery({ invoker, trace, timeCompression: 1_000_000, random: () => 1 });
  const eventBridge = new LocalEventBridge({ buses: [events], rules, delivery, trace, region: REGION, accountId: ACCOUNT, env: 'test' });
  const server = await serve(eventBridge);
  const client = new EventBridgeClient({ region: REGION, endpoint: server.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    client,
    invoker,
    delivery,
    trace,
    server,
    close: async () => {
      client.destroy();
      delivery.stop();
      await server.close();
    },
  };
}
