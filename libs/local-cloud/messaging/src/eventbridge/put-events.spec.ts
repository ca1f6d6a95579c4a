import { EventBridgeServiceException, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import {
  type EventBridgeFixture,
  ACCOUNT,
  REGION,
  events,
  rule,
  startEventBridge,
} from '../../test/eventbridge/eventbridge-fixture';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';

describe('PutEvents through the production EventBridge client', () => {
  let eb: EventBridgeFixture;

  beforeAll(async () => {
    const invoker = new ScriptedInvoker().script('inventory.reserve').script('notifications.onAny');
    eb = await startEventBridge(
      [
        rule({
          name: 'reserve-stock',
          functionId: 'inventory.reserve',
          eventPattern: { source: ['harbor.orders'], 'detail-type': ['OrderPlaced'] },
        }),
        rule({
          name: 'notify-any-order',
          functionId: 'notifications.onAny',
          eventPattern: { source: [{ prefix: 'harbor.' }] },
        }),
      ],
      invoker,
    );
  });
  afterAll(() => eb.close());
  beforeEach(() => eb.invoker.calls.splice(0));

  const put = (...entries: PutEventsRequestEntry[]) => eb.client.send(new PutEventsCommand({ Entries: entries }));
  const placed = (detail: object, extra: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
    EventBusName: events.name,
    Source: 'harbor.orders',
    DetailType: 'OrderPlaced',
    Detail: JSON.stringify(detail),
    ...extra,
  });

  it('answers event ids at once and delivers the exact EventBridge event to every matching rule', async () => {
    const release = eb.invoker.hold();
    const answer = await put(
      placed(
        { orderId: 'o-1', correlationId: 'corr-9' },
        {
          Resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/orders'],
          Time: new Date('2026-03-04T05:06:07.890Z'),
        },
      ),
    );
    expect(answer).toEqual(
      expect.objectContaining({
        FailedEntryCount: 0,
        Entries: [{ EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) }],
      }),
    );
    // The answer came back while both deliveries were still held inside the function runtime.
    expect(eb.delivery.pending).toBe(2);
    release();
    await eb.delivery.whenIdle();

    const [call] = eb.invoker.callsTo('inventory.reserve');
    expect(call).toEqual(expect.objectContaining({ invocationType: 'Event', correlationId: 'corr-9' }));
    expect(call?.event).toEqual({
      version: '0',
      id: answer.Entries?.[0]?.EventId,
      'detail-type': 'OrderPlaced',
      source: 'harbor.orders',
      account: ACCOUNT,
      time: '2026-03-04T05:06:07Z',
      region: REGION,
      resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/orders'],
      detail: { orderId: 'o-1', correlationId: 'corr-9' },
    });
    expect(eb.invoker.callsTo('notifications.onAny').map((c) => c.event)).toEqual([call?.event]);
    expect(eb.trace.byCorrelationId('corr-9').map((hop) => hop.kind)).toEqual(['put-events', 'delivery', 'delivery']);
  });

  it('sends an event only to the rules whose pattern matches, and traces why the others did not', async () => {
    const answer = await put(placed({ orderId: 'o-2' }, { DetailType: 'OrderCancelled' }));
    await eb.delivery.whenIdle();
    expect(eb.invoker.callsTo('inventory.reserve')).toHaveLength(0);
    expect(eb.invoker.callsTo('notifications.onAny')).toHaveLength(1);
    const eventId = answer.Entries?.[0]?.EventId ?? '';
    const [hop] = eb.trace.byCorrelationId(eventId);
    expect(hop?.detail).toEqual(
      expect.objectContaining({
        matchedRules: ['notify-any-order'],
        unmatched: [expect.objectContaining({ rule: 'reserve-stock', path: 'detail-type' })],
      }),
    );
  });

  it('reports failed entries one by one, with AWS codes, and delivers the others', async () => {
    const answer = await put(
      placed({ n: 1 }),
      { EventBusName: events.name, DetailType: 'X', Detail: '{}' },
      { EventBusName: events.name, Source: 'harbor.orders', Detail: '{}' },
      { EventBusName: events.name, Source: 'harbor.orders', DetailType: 'X' },
      placed({}, { Detail: 'not json' }),
      placed({}, { Detail: '[1,2]' }),
      placed({}, { Source: 'aws.ec2' }),
      placed({ n: 8 }),
    );
    expect(answer.FailedEntryCount).toBe(6);
    expect(answer.Entries).toEqual([
      { EventId: expect.any(String) },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.',
      },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' },
      { EventId: expect.any(String) },
    ]);
    await eb.delivery.whenIdle();
    expect(eb.invoker.callsTo('inventory.reserve').map((call) => (call.event as { detail: unknown }).detail)).toEqual([
      { n: 1 },
      { n: 8 },
    ]);
  });

  it('accepts and drops an event for a bus that does not exist, as AWS does, and traces the drop', async () => {
    const answer = await put(placed({ n: 1 }, { EventBusName: 'no-such-bus' }));
    expect(answer.FailedEntryCount).toBe(0);
    await eb.delivery.whenIdle();
    expect(eb.invoker.calls).toHaveLength(0);
    const [hop] = eb.trace.byCorrelationId(answer.Entries?.[0]?.EventId ?? '');
    expect(hop).toEqual(
      expect.objectContaining({
        kind: 'put-events',
        status: 'error',
        detail: expect.objectContaining({ dropped: true }),
      }),
    );
  });

  it('finds the bus by ARN as well as by name', async () => {
    await put(placed({ n: 1 }, { EventBusName: events.arn }));
    await eb.delivery.whenIdle();
    expect(eb.invoker.callsTo('inventory.reserve')).toHaveLength(1);
  });

  async function rejection(entries: PutEventsRequestEntry[]): Promise<EventBridgeServiceException> {
    const error = await eb.client.send(new PutEventsCommand({ Entries: entries })).catch((caught: unknown) => caught);
    if (!(error instanceof EventBridgeServiceException))
      throw new Error(`expected an EventBridge error, got ${String(error)}`);
    return error;
  }

  it('refuses more than 10 entries with a ValidationException', async () => {
    const error = await rejection(Array.from({ length: 11 }, (_, n) => placed({ n })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[PutEventsRequestEntry\(.*' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/,
    );
  });

  it('refuses entries totalling more than 1 MB, sized as AWS documents', async () => {
    const large = 'x'.repeat(600_000);
    const error = await rejection([placed({ large }), placed({ large })]);
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe('Total size of the entries in the request is over the limit.');
    await expect(put(placed({ large }))).resolves.toEqual(expect.objectContaining({ FailedEntryCount: 0 }));
  });
});
