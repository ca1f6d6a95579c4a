import { PublishCommand } from '@aws-sdk/client-sns';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { type SnsFixture, orderStatus, startSns, subscription } from '../../test/sns/sns-fixture';

describe('Publish through the production SNS client', () => {
  let sns: SnsFixture;

  beforeAll(async () => {
    const invoker = new ScriptedInvoker()
      .script('notifications.onStatus', 'ok')
      .script('orders.onPaid', 'ok')
      .script('orders.onBody', 'ok');
    sns = await startSns(
      [
        subscription({ name: 'notify-on-status', functionId: 'notifications.onStatus' }),
        subscription({ name: 'paid-only', functionId: 'orders.onPaid', filterPolicy: { eventType: ['OrderPaid'] } }),
        subscription({
          name: 'body-paid',
          functionId: 'orders.onBody',
          filterPolicyScope: 'MessageBody',
          filterPolicy: { status: ['PAID'] },
        }),
      ],
      invoker,
    );
  });
  afterAll(() => sns.close());
  beforeEach(() => sns.invoker.calls.splice(0));

  it('answers a message id at once and delivers the exact SNS event shape afterwards', async () => {
    const before = Date.now();
    const release = sns.invoker.hold();
    const answer = await sns.client.send(
      new PublishCommand({
        TopicArn: orderStatus.arn,
        Message: '{"status":"SHIPPED"}',
        Subject: 'Order update',
        MessageAttributes: {
          eventType: { DataType: 'String', StringValue: 'OrderShipped' },
          correlationId: { DataType: 'String', StringValue: 'corr-42' },
          amount: { DataType: 'Number', StringValue: '12.5' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from('hi') },
        },
      }),
    );
    expect(answer.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    // The answer came back while the delivery was still held inside the function runtime.
    expect(sns.delivery.pending).toBe(1);
    release();
    await sns.delivery.whenIdle();

    const [call] = sns.invoker.callsTo('notifications.onStatus');
    expect(call).toEqual(expect.objectContaining({ invocationType: 'Event', correlationId: 'corr-42' }));
    const record = (call?.event as { Records: Record<string, unknown>[] }).Records;
    expect(record).toHaveLength(1);
    expect(record[0]).toEqual({
      EventVersion: '1.0',
      EventSubscriptionArn: expect.stringMatching(new RegExp(`^${orderStatus.arn}:[0-9a-f-]{36}$`)),
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        Signature: expect.stringMatching(/^[A-Za-z0-9+/=]+$/),
        SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-local.pem',
        MessageId: answer.MessageId,
        Message: '{"status":"SHIPPED"}',
        MessageAttributes: {
          eventType: { Type: 'String', Value: 'OrderShipped' },
          correlationId: { Type: 'String', Value: 'corr-42' },
          amount: { Type: 'Number', Value: '12.5' },
          blob: { Type: 'Binary', Value: Buffer.from('hi').toString('base64') },
        },
        Type: 'Notification',
        UnsubscribeUrl: expect.stringContaining('Action=Unsubscribe&SubscriptionArn=arn:aws:sns:'),
        TopicArn: orderStatus.arn,
        Subject: 'Order update',
      },
    });
    const sent = Date.parse((record[0]?.['Sns'] as { Timestamp: string }).Timestamp);
    expect(sent).toBeGreaterThanOrEqual(before - 5);
  });

  it('uses the message id as correlation id when no correlationId attribute is sent, and a null Subject', async () => {
    const { MessageId } = await sns.client.send(
      new PublishCommand({ TopicArn: orderStatus.arn, Message: 'plain text' }),
    );
    await sns.delivery.whenIdle();
    const [call] = sns.invoker.callsTo('notifications.onStatus');
    expect(call?.correlationId).toBe(MessageId);
    expect(call?.event).toEqual({
      Records: [expect.objectContaining({ Sns: expect.objectContaining({ Subject: null, MessageAttributes: {} }) })],
    });
    expect(sns.trace.byCorrelationId(MessageId!).map((hop) => hop.kind)).toEqual(['publish', 'delivery']);
  });

  it('applies attribute filter policies: a subscription whose policy does not match receives nothing', async () => {
    const publishWith = (eventType: string) =>
      sns.client.send(
        new PublishCommand({
          TopicArn: orderStatus.arn,
          Message: 'x',
          MessageAttributes: { eventType: { DataType: 'String', StringValue: eventType } },
        }),
      );
    const shipped = await publishWith('OrderShipped');
    await publishWith('OrderPaid');
    await sns.delivery.whenIdle();
    expect(sns.invoker.callsTo('notifications.onStatus')).toHaveLength(2);
    const paid = sns.invoker.callsTo('orders.onPaid');
    expect(paid).toHaveLength(1);
    expect(paid[0]?.event).toEqual({
      Records: [
        expect.objectContaining({
          Sns: expect.objectContaining({ MessageAttributes: { eventType: { Type: 'String', Value: 'OrderPaid' } } }),
        }),
      ],
    });
    const [publishHop] = sns.trace.byCorrelationId(shipped.MessageId!);
    expect(publishHop?.detail?.['filteredOut']).toEqual([
      expect.objectContaining({ subscription: 'paid-only', path: 'eventType' }),
      expect.objectContaining({ subscription: 'body-paid' }),
    ]);
  });

  it('applies MessageBody-scoped policies to the JSON body, and never matches a body that is not JSON', async () => {
    await sns.client.send(
      new PublishCommand({ TopicArn: orderStatus.arn, Message: JSON.stringify({ status: 'PAID', orderId: 'o-1' }) }),
    );
    await sns.client.send(
      new PublishCommand({ TopicArn: orderStatus.arn, Message: JSON.stringify({ status: 'SHIPPED' }) }),
    );
    const notJson = await sns.client.send(new PublishCommand({ TopicArn: orderStatus.arn, Message: 'status PAID' }));
    await sns.delivery.whenIdle();
    const body = sns.invoker.callsTo('orders.onBody');
    expect(
      body.map((call) => (call.event as { Records: { Sns: { Message: string } }[] }).Records[0]?.Sns.Message),
    ).toEqual([JSON.stringify({ status: 'PAID', orderId: 'o-1' })]);
    const [publishHop] = sns.trace.byCorrelationId(notJson.MessageId!);
    expect(publishHop?.detail?.['filteredOut']).toContainEqual({
      subscription: 'body-paid',
      reason: expect.stringContaining('not JSON'),
      path: '(root)',
    });
  });

  it('delivers the lambda entry of a MessageStructure=json message, without attributes', async () => {
    await sns.client.send(
      new PublishCommand({
        TopicArn: orderStatus.arn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: 'for everyone', lambda: 'for functions' }),
        MessageAttributes: { eventType: { DataType: 'String', StringValue: 'OrderPaid' } },
      }),
    );
    await sns.delivery.whenIdle();
    const [call] = sns.invoker.callsTo('orders.onPaid');
    expect(call?.event).toEqual({
      Records: [
        expect.objectContaining({ Sns: expect.objectContaining({ Message: 'for functions', MessageAttributes: {} }) }),
      ],
    });
  });
});
