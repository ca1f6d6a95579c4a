import { SNSClient } from '@aws-sdk/client-sns';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { LocalSns } from '../../src/sns/local-sns';
import type { SubscriptionSpec, TopicSpec } from '../../src/sns/sns-specs';
import { ACCOUNT, NAMING, REGION, serveEndpoint, type ServedEndpoint } from '../served-endpoint';

export { ACCOUNT, REGION };
const topic = (name: string): TopicSpec => ({ name, arn: `arn:aws:sns:${REGION}:${ACCOUNT}:${name}` });
export const orderStatus = topic('harbor-test-order-status');
export const quiet = topic('harbor-test-quiet');

export function subscription(
  overrides: Partial<SubscriptionSpec> & Pick<SubscriptionSpec, 'name' | 'functionId'>,
): SubscriptionSpec {
  return {
    topicArn: orderStatus.arn,
    filterPolicyScope: 'MessageAttributes',
    rawMessageDelivery: false,
    deadLetterQueue: true,
    ...overrides,
  };
}

export type SnsFixture = ServedEndpoint<SNSClient>;

/** The local SNS behind a real HTTP server, a real SNS client pointed at it, and a scripted fake Lambda runtime. */
export function startSns(
  subscriptions: readonly SubscriptionSpec[],
  invoker = new ScriptedInvoker(),
): Promise<SnsFixture> {
  const topics = [orderStatus, quiet];
  return serveEndpoint({
    invoker,
    endpoint: (delivery, trace) => new LocalSns({ topics, subscriptions, delivery, trace, ...NAMING }),
    client: (endpoint, credentials) => new SNSClient({ region: REGION, endpoint, credentials }),
  });
}
