import { AsyncDelivery } from '../delivery';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { ACCOUNT, REGION, orderStatus, subscription } from '../../test/sns/sns-fixture';
import { InvalidSnsDeclaration } from './errors';
import { LocalSns } from './local-sns';
import type { LocalSnsOptions } from './sns-specs';

describe('LocalSns start-up checks', () => {
  const build = (overrides: Partial<LocalSnsOptions>) => {
    const trace = new TraceRecorder();
    return () =>
      new LocalSns({
        topics: [orderStatus],
        subscriptions: [],
        delivery: new AsyncDelivery({ invoker: new ScriptedInvoker(), trace }),
        trace,
        region: REGION,
        accountId: ACCOUNT,
        env: 'test',
        ...overrides,
      });
  };

  it('names the subscription whose filter policy is invalid', () => {
    const start = build({
      subscriptions: [
        subscription({ name: 'bad-policy', functionId: 'a.b', filterPolicy: { eventType: 'OrderPaid' } }),
      ],
    });
    expect(start).toThrow(InvalidSnsDeclaration);
    expect(start).toThrow(/^Subscription bad-policy: invalid filter policy: /);
  });

  it('refuses raw message delivery to a Lambda subscription, as AWS does', () => {
    expect(
      build({ subscriptions: [subscription({ name: 'raw', functionId: 'a.b', rawMessageDelivery: true })] }),
    ).toThrow(
      'Subscription raw: Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.',
    );
  });

  it('refuses a subscription to a topic that is not declared', () => {
    expect(
      build({ subscriptions: [subscription({ name: 'orphan', functionId: 'a.b', topicArn: `${orderStatus.arn}-x` })] }),
    ).toThrow(`Subscription orphan: topic ${orderStatus.arn}-x is not declared`);
  });

  it('refuses a topic whose ARN does not end in its name, and FIFO topics', () => {
    expect(build({ topics: [{ name: 'one', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:two` }] })).toThrow(
      'is not an SNS topic ARN ending in the topic',
    );
    expect(build({ topics: [{ name: 'events.fifo', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:events.fifo` }] })).toThrow(
      'FIFO topics are not emulated',
    );
  });

  it('refuses two subscriptions with the same name', () => {
    const twice = subscription({ name: 'twice', functionId: 'a.b' });
    expect(build({ subscriptions: [twice, twice] })).toThrow('Subscription twice is declared twice');
  });
});
