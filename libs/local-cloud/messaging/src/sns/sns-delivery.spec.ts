import { PublishCommand } from '@aws-sdk/client-sns';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { type SnsFixture, orderStatus, startSns, subscription } from '../../test/sns/sns-fixture';

describe('SNS delivery failures, retries and dead letters', () => {
  let sns: SnsFixture;
  const invoker = new ScriptedInvoker()
    .script('notifications.broken', { errorType: 'Error', errorMessage: 'cannot send e-mail' })
    .script('orders.flaky', { errorType: 'Error' }, 'ok')
    .script('orders.noQueue', { errorType: 'Error' });

  beforeAll(async () => {
    sns = await startSns(
      [
        subscription({ name: 'broken', functionId: 'notifications.broken' }),
        subscription({ name: 'flaky', functionId: 'orders.flaky' }),
        subscription({ name: 'no-queue', functionId: 'orders.noQueue', deadLetterQueue: false }),
      ],
      invoker,
    );
  });
  afterAll(() => sns.close());

  it('declares each subscription dead-letter queue up front', () => {
    expect(sns.delivery.deadLetters.list().map((queue) => queue.name)).toEqual([
      'harbor-test-broken-dlq',
      'harbor-test-flaky-dlq',
    ]);
  });

  it('retries a failing function twice, dead-letters what still fails, drops what has no queue, and traces it all', async () => {
    const publishAt = new Date();
    await sns.client.send(
      new PublishCommand({
        TopicArn: orderStatus.arn,
        Message: 'hi',
        MessageAttributes: { correlationId: { DataType: 'String', StringValue: 'c-7' } },
      }),
    );
    await sns.delivery.whenIdle();

    expect(invoker.callsTo('notifications.broken')).toHaveLength(3);
    expect(invoker.callsTo('orders.flaky')).toHaveLength(2);
    expect(invoker.callsTo('orders.noQueue')).toHaveLength(3);

    const queues = Object.fromEntries(sns.delivery.deadLetters.list().map((queue) => [queue.name, queue.messages]));
    expect(queues['harbor-test-flaky-dlq']).toEqual([]);
    expect(queues['harbor-test-broken-dlq']).toEqual([
      expect.objectContaining({
        service: 'sns',
        origin: 'harbor-test-order-status',
        target: 'broken',
        correlationId: 'c-7',
        attempts: 3,
        error: { stage: 'function', errorType: 'Error', errorMessage: 'cannot send e-mail' },
        message: invoker.callsTo('notifications.broken')[0]?.event,
      }),
    ]);
    const [letter] = queues['harbor-test-broken-dlq']!;
    expect(Date.parse(letter!.firstAttemptAt)).toBeGreaterThanOrEqual(publishAt.getTime() - 5);

    const hops = sns.trace.byCorrelationId('c-7');
    expect(hops[0]?.kind).toBe('publish');
    const count = (kind: string, name: string) => hops.filter((hop) => hop.kind === kind && hop.name === name).length;
    expect([
      count('delivery', 'broken'),
      count('retry', 'broken'),
      count('dead-letter', 'harbor-test-broken-dlq'),
    ]).toEqual([3, 2, 1]);
    expect([count('delivery', 'flaky'), count('retry', 'flaky'), count('dead-letter', 'flaky')]).toEqual([2, 1, 0]);
    expect(hops.find((hop) => hop.kind === 'dead-letter' && hop.name === 'no-queue')?.detail).toEqual(
      expect.objectContaining({ dropped: true, reason: 'no-queue has no dead-letter queue: the message is dropped' }),
    );
  });

  it('redrives the queue to the original subscriber once it is fixed', async () => {
    invoker.script('notifications.broken', 'ok');
    const before = invoker.callsTo('notifications.broken').length;
    const result = await sns.delivery.deadLetters.redrive('harbor-test-broken-dlq');
    expect(result).toEqual({ queueName: 'harbor-test-broken-dlq', redriven: 1, delivered: 1, failed: 0, remaining: 0 });
    expect(invoker.callsTo('notifications.broken')).toHaveLength(before + 1);
    expect(invoker.callsTo('notifications.broken').at(-1)).toEqual(
      expect.objectContaining({ correlationId: 'c-7', invocationType: 'Event' }),
    );
  });
});
