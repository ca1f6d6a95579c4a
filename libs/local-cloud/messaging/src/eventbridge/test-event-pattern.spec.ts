import { TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { type EventBridgeFixture, ACCOUNT, REGION, startEventBridge } from '../../test/eventbridge/eventbridge-fixture';

/** TestEventPattern through the production client: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html */
describe('TestEventPattern, answered by the local matcher', () => {
  let eb: EventBridgeFixture;
  beforeAll(async () => {
    eb = await startEventBridge([]);
  });
  afterAll(() => eb.close());

  const orderPlaced = (detail: Record<string, unknown>) =>
    JSON.stringify({
      id: '7f0e1c7a-0000-4000-8000-000000000001',
      account: ACCOUNT,
      source: 'harbor.orders',
      time: '2026-12-07T12:00:00Z',
      region: REGION,
      resources: [],
      'detail-type': 'OrderPlaced',
      detail,
    });
  const test = (EventPattern: unknown, Event: string) =>
    eb.client.send(
      new TestEventPatternCommand({
        EventPattern: typeof EventPattern === 'string' ? EventPattern : JSON.stringify(EventPattern),
        Event,
      }),
    );

  it('answers {Result: true} for an event the pattern matches, with the operators rules use', async () => {
    const pattern = {
      source: [{ prefix: 'harbor.' }],
      'detail-type': ['OrderPlaced'],
      detail: { total: [{ numeric: ['>=', 100] }], currency: [{ 'anything-but': 'USD' }] },
    };
    expect(await test(pattern, orderPlaced({ total: 250, currency: 'EUR' }))).toMatchObject({ Result: true });
  });

  it('answers {Result: false} for one it does not match', async () => {
    const pattern = { detail: { total: [{ numeric: ['>=', 100] }] } };
    expect(await test(pattern, orderPlaced({ total: 99 }))).toMatchObject({ Result: false });
    expect(await test({ detail: { customer: [{ exists: true }] } }, orderPlaced({ total: 99 }))).toMatchObject({
      Result: false,
    });
  });

  it.each([
    ['a value that is not an array', { source: 'harbor.orders' }],
    ['an unknown operator', { detail: { total: [{ bigger: 1 }] } }],
    ['text that is not JSON', '{"source": ['],
  ])('refuses %s with InvalidEventPatternException, naming the reason', async (_, pattern) => {
    await expect(test(pattern, orderPlaced({}))).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: expect.stringMatching(/^Event pattern is not valid\. Reason: /),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses an event without the mandatory fields with ValidationException naming them', async () => {
    await expect(
      test({ source: ['harbor.orders'] }, JSON.stringify({ source: 'harbor.orders', detail: {} })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        'Parameter Event is not valid. Reason: mandatory fields missing: id, account, time, region, resources, detail-type.',
    });
    await expect(test({ source: ['harbor.orders'] }, 'not json')).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });
});
