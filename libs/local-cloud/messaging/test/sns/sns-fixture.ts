import { SNSClient } from '@aws-sdk/client-sns';
import { AsyncDelivery } from '../../src/delivery';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { LocalSns } from '../../src/sns/local-sns';
import type { SubscriptionSpec, TopicSpec } from '../../src/sns/sns-specs';
import { ScriptedInvoker, serve, type RunningServer } from '@harbor/local-cloud-lambda/testing';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const orderStatus: TopicSpec = { name: 'harbor-test-order-status', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:harbor-test-order-status` };
export const quiet: TopicSpec = { name: 'harbor-test-quiet', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:harbor-test-quiet` };

export function subscription(overrides: Partial<SubscriptionSpec> & Pick<SubscriptionSpec, 'name' | 'functionId'>): SubscriptionSpec {
  return { topicArn: orderStatus.arn, filterPolicyScope: 'MessageAttributes', rawMessageDelivery: false, deadLetterQueue: true, ...overrides };
}

export interface SnsFixture {
  readonly client: SNSClient;
  readonly invoker: ScriptedInvoker;
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** The local SNS behind a real HTTP server, a real SNS client pointed at it, and a scripted fake Lambda runtime. */
export async function startSns(subscriptions: readonly SubscriptionSpec[], invoker = new ScriptedInvoker()): Promise<SnsFixture> {
  const trace = new TraceRecorder();
  const delivery = new AsyncDelivery({ invoker, trace, timeCompression: 1_000_000 });
  const sns = new LocalSns({ topics: [orderStatus, quiet], subscriptions, delivery, trace, region: REGION, accountId: ACCOUNT, env: 'test' });
  const server = await serve(sns);
  const client = new SNSClient({ region: REGION, endpoint: server.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
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
