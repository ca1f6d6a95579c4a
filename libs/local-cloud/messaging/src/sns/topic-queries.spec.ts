import {
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  NotFoundException,
} from '@aws-sdk/client-sns';
import {
  type SnsFixture,
  ACCOUNT,
  REGION,
  orderStatus,
  quiet,
  startSns,
  subscription,
} from '../../test/sns/sns-fixture';

describe('topic queries through the production SNS client', () => {
  let sns: SnsFixture;

  beforeAll(async () => {
    sns = await startSns([
      subscription({ name: 'notify', functionId: 'notifications.onStatus' }),
      subscription({ name: 'audit', functionId: 'orders.audit' }),
    ]);
  });
  afterAll(() => sns.close());

  it('lists every declared topic', async () => {
    const { Topics, NextToken } = await sns.client.send(new ListTopicsCommand({}));
    expect(Topics).toEqual([{ TopicArn: orderStatus.arn }, { TopicArn: quiet.arn }]);
    expect(NextToken).toBeUndefined();
  });

  it('reports a topic attributes, counting its subscriptions', async () => {
    const { Attributes } = await sns.client.send(new GetTopicAttributesCommand({ TopicArn: orderStatus.arn }));
    expect(Attributes).toEqual(
      expect.objectContaining({
        TopicArn: orderStatus.arn,
        Owner: ACCOUNT,
        SubscriptionsConfirmed: '2',
        SubscriptionsPending: '0',
      }),
    );
    expect(JSON.parse(Attributes?.['Policy'] ?? '{}')).toEqual(
      expect.objectContaining({ Statement: [expect.objectContaining({ Resource: orderStatus.arn })] }),
    );
  });

  it('lists a topic subscriptions with their Lambda endpoints', async () => {
    const { Subscriptions } = await sns.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: orderStatus.arn }));
    expect(Subscriptions).toEqual([
      {
        TopicArn: orderStatus.arn,
        Protocol: 'lambda',
        SubscriptionArn: expect.stringMatching(new RegExp(`^${orderStatus.arn}:[0-9a-f-]{36}$`)),
        Owner: ACCOUNT,
        Endpoint: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:harbor-test-notifications-onStatus`,
      },
      expect.objectContaining({ Endpoint: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:harbor-test-orders-audit` }),
    ]);
    const { Subscriptions: none } = await sns.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: quiet.arn }));
    expect(none ?? []).toEqual([]);
  });

  it('answers NotFound for attributes of an unknown topic', async () => {
    await expect(
      sns.client.send(new GetTopicAttributesCommand({ TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:missing` })),
    ).rejects.toBeInstanceOf(NotFoundException);
  });
});
