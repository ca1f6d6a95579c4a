import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type EventBridgeFixture, events, rule, startEventBridge } from '../../test/eventbridge/eventbridge-fixture';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';

describe('EventBridge delivery failures, retries and dead letters', () => {
  let eb: EventBridgeFixture;
  const invoker = new ScriptedInvoker()
    .script('inventory.reserve', { errorType: 'Error', errorMessage: 'out of stock service' })
    .script('audit.on');
  const pattern = { source: ['harbor.orders'] };

  beforeAll(async () => {
    eb = await startEventBridge(
      [
        rule({ name: 'reserve-stock', functionId: 'inventory.reserve', eventPattern: pattern }),
        // The Lambda service is "unavailable" to EventBridge for the first 4 attempts; the policy allows 2 retries.
        rule({
          name: 'audit',
          functionId: 'audit.on',
          eventPattern: pattern,
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 3600 },
          faults: { serviceErrors: 4 },
        }),
      ],
      invoker,
    );
  });
  afterAll(() => eb.close());

  it('retries a failing function as Lambda does, retries an unavailable service per the rule policy, then dead-letters both', async () => {
    await eb.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: events.name,
            Source: 'harbor.orders',
            DetailType: 'OrderPlaced',
            Detail: JSON.stringify({ correlationId: 'c-3' }),
          },
        ],
      }),
    );
    await eb.delivery.whenIdle();

    expect(invoker.callsTo('inventory.reserve')).toHaveLength(3);
    expect(invoker.callsTo('audit.on')).toHaveLength(0);
    const hops = eb.trace.byCorrelationId('c-3');
    const retries = (name: string) =>
      hops
        .filter((hop) => hop.kind === 'retry' && hop.name === name)
        .map((hop) => [hop.detail?.['retriedBy'], hop.detail?.['awsDelayMs']]);
    expect(retries('reserve-stock')).toEqual([
      ['lambda', 60_000],
      ['lambda', 120_000],
    ]);
    expect(retries('audit')).toEqual([
      ['eventbridge', 1000],
      ['eventbridge', 2000],
    ]);

    const queues = Object.fromEntries(eb.delivery.deadLetters.list().map((queue) => [queue.name, queue.messages]));
    expect(queues['harbor-test-reserve-stock-dlq']).toEqual([
      expect.objectContaining({
        service: 'eventbridge',
        origin: events.name,
        attempts: 3,
        error: { stage: 'function', errorType: 'Error', errorMessage: 'out of stock service' },
      }),
    ]);
    expect(queues['harbor-test-audit-dlq']).toEqual([
      expect.objectContaining({
        attempts: 3,
        error: expect.objectContaining({ stage: 'delivery', errorType: 'ServiceUnavailableException' }),
      }),
    ]);
    expect(
      hops
        .filter((hop) => hop.kind === 'dead-letter')
        .map((hop) => hop.name)
        .sort(),
    ).toEqual(['harbor-test-audit-dlq', 'harbor-test-reserve-stock-dlq']);
  });

  it('redrives a queue to the rule target, removing what is delivered and keeping what still fails', async () => {
    const auditResult = await eb.delivery.deadLetters.redrive('harbor-test-audit-dlq');
    expect(auditResult).toEqual(expect.objectContaining({ delivered: 0, failed: 1, remaining: 1 }));
    // The fifth attempt meets no more injected faults.
    expect(await eb.delivery.deadLetters.redrive('harbor-test-audit-dlq')).toEqual(
      expect.objectContaining({ delivered: 1, remaining: 0 }),
    );
    const [audited] = invoker.callsTo('audit.on');
    expect(audited?.event).toEqual(
      expect.objectContaining({
        source: 'harbor.orders',
        'detail-type': 'OrderPlaced',
        detail: { correlationId: 'c-3' },
      }),
    );

    invoker.script('inventory.reserve', 'ok');
    expect(await eb.delivery.deadLetters.redrive('harbor-test-reserve-stock-dlq')).toEqual(
      expect.objectContaining({ delivered: 1, remaining: 0 }),
    );
    expect(eb.delivery.deadLetters.list().every((queue) => queue.messages.length === 0)).toBe(true);
  });
});
