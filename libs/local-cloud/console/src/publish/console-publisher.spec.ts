import { AsyncDelivery, LocalEventBridge, LocalSns, type RuleSpec } from '@harbor/local-cloud-messaging';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { DECLARATIONS } from '../testing/messaging-declarations';
import { ConsolePublisher } from './console-publisher';
import { recipients } from './recipients';

const naming = { region: 'us-east-1', accountId: '000000000000', env: 'test' } as const;
const [topic] = DECLARATIONS.topics;
const paid = { eventType: { Type: 'String', Value: 'OrderPaid' } };

/** The real SNS and EventBridge emulators on a scripted Lambda runtime: what the console sends, they deliver. */
function emulators() {
  const trace = new TraceRecorder();
  const invoker = new ScriptedInvoker().script('notifications.onPaid').script('audit.all').script('inventory.reserve');
  const delivery = new AsyncDelivery({ invoker, trace, timeCompression: 1_000_000 });
  const common = { delivery, trace, ...naming };
  // The shared declarations show raw delivery, which a Lambda subscription refuses: the emulator gets it off.
  const subscriptions = DECLARATIONS.subscriptions.map((subscription) => ({
    ...subscription,
    rawMessageDelivery: false,
  }));
  const sns = new LocalSns({ ...common, topics: DECLARATIONS.topics, subscriptions });
  const rules = DECLARATIONS.rules as readonly RuleSpec[];
  const eventBridge = new LocalEventBridge({ ...common, buses: DECLARATIONS.buses, rules });
  return { trace, invoker, delivery, publisher: new ConsolePublisher({ sns, eventBridge }, DECLARATIONS) };
}

describe('ConsolePublisher through the local SNS and EventBridge', () => {
  it('publishes as SNS Publish does: filter policies decide who gets it, and the publish hop says so', async () => {
    const { publisher, invoker, delivery, trace } = emulators();
    const sent = await publisher.publish({
      topic: topic.name,
      message: {
        body: { order: { status: 'NEW' } },
        attributes: { ...paid, correlationId: { Type: 'String', Value: 'c-1' } },
      },
    });
    await delivery.whenIdle();
    expect(sent).toMatchObject({ messageId: expect.any(String), correlationId: 'c-1', topicArn: topic.arn });
    expect(invoker.callsTo('notifications.onPaid')).toHaveLength(1);
    expect(invoker.callsTo('audit.all')).toHaveLength(0);
    const record = (invoker.callsTo('notifications.onPaid')[0].event as { Records: { Sns: { Message: string } }[] })
      .Records[0].Sns;
    expect(JSON.parse(record.Message)).toEqual({ order: { status: 'NEW' } });
    const hop = trace.latest(100).find((candidate) => candidate.kind === 'publish');
    expect(hop).toMatchObject({ correlationId: 'c-1', detail: { deliveredTo: ['notify-paid'] } });
  });

  // https://docs.aws.amazon.com/sns/latest/api/API_Publish.html: a message and its attributes are at most 256 KiB.
  it('refuses a message over 256 KiB with SNS Publish own error, and delivers nothing', async () => {
    const { publisher, invoker, delivery } = emulators();
    const body = 'x'.repeat(262_144 - 'eventTypeStringOrderPaid'.length + 1);
    await expect(publisher.publish({ topic: topic.name, message: { body, attributes: paid } })).rejects.toThrow(
      new InvalidConsoleRequest('SNS Publish refused it: InvalidParameter: Invalid parameter: Message too long'),
    );
    const fits = body.slice(1);
    await publisher.publish({ topic: topic.name, message: { body: fits, attributes: paid } });
    await delivery.whenIdle();
    expect(invoker.callsTo('notifications.onPaid')).toHaveLength(1);
  });

  it.each([
    ['no topic', { message: { body: 'x' } }, InvalidConsoleRequest],
    ['an unknown topic', { topic: 'harbor-test-nope', message: { body: 'x' } }, ConsoleResourceNotFound],
    ['no body', { topic: topic.name, message: {} }, InvalidConsoleRequest],
    [
      'an attribute of no Value',
      { topic: topic.name, message: { body: 'x', attributes: { a: { Type: 'String' } } } },
      InvalidConsoleRequest,
    ],
    [
      'an attribute type SNS refuses',
      { topic: topic.name, message: { body: 'x', attributes: { a: { Type: 'Date', Value: '1' } } } },
      InvalidConsoleRequest,
    ],
    ['an empty message', { topic: topic.name, message: { body: '' } }, InvalidConsoleRequest],
  ])('refuses a publish with %s', async (_case, body, error) => {
    const { publisher, invoker, delivery } = emulators();
    await expect(publisher.publish(body)).rejects.toThrow(error);
    await delivery.whenIdle();
    expect(invoker.calls).toHaveLength(0);
  });

  it('puts an event as PutEvents does: the matching rule gets it, with the correlation id of its detail', async () => {
    const { publisher, invoker, delivery } = emulators();
    const event = {
      source: 'harbor.orders',
      'detail-type': 'OrderPlaced',
      detail: { correlationId: 'c-2', id: 'o-1' },
    };
    const sent = await publisher.putEvent({ event });
    await delivery.whenIdle();
    expect(sent).toMatchObject({ eventId: expect.any(String), correlationId: 'c-2', bus: 'harbor-test-bus' });
    expect(invoker.callsTo('inventory.reserve')).toEqual([
      expect.objectContaining({ event: expect.objectContaining({ id: sent.eventId, detail: event.detail }) }),
    ]);
  });

  // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
  it.each([
    ['no source', { 'detail-type': 'X', detail: {} }, 'InvalidArgument: Parameter Source is not valid'],
    ['an aws. source', { source: 'aws.s3', 'detail-type': 'X', detail: {} }, 'NotAuthorizedForSourceException'],
    ['a detail that is not an object', { source: 's', 'detail-type': 'X', detail: '[1]' }, 'MalformedDetail'],
    ['a source of the wrong type', { source: 7, 'detail-type': 'X', detail: {} }, 'SerializationException'],
  ])('refuses an event with %s with the entry error PutEvents answers', async (_case, event, code) => {
    const { publisher, invoker, delivery } = emulators();
    await expect(publisher.putEvent({ event })).rejects.toThrow(code);
    await expect(publisher.putEvent({ event })).rejects.toThrow(InvalidConsoleRequest);
    await delivery.whenIdle();
    expect(invoker.calls).toHaveLength(0);
  });

  it('refuses an unknown bus by name', async () => {
    const { publisher } = emulators();
    await expect(publisher.putEvent({ bus: 'nope', event: {} })).rejects.toThrow(ConsoleResourceNotFound);
  });
});

describe('recipients', () => {
  it("names each subscription of the topic with the matcher's verdict", () => {
    const answer = recipients({ topic: topic.name, message: { body: '{"order":{"status":"PAID"}}' } }, DECLARATIONS);
    expect(answer.recipients.map(({ name, matches }) => ({ name, matches }))).toEqual([
      { name: 'notify-paid', matches: false },
      { name: 'audit-body', matches: true },
    ]);
  });

  it('names each rule of the bus, matching or not', () => {
    const event = { source: 'harbor.orders', 'detail-type': 'OrderShipped', detail: {} };
    const [rule] = recipients({ event }, DECLARATIONS).recipients;
    expect(rule).toMatchObject({ name: 'reserve-stock', functionId: 'inventory.reserve', matches: false });
    expect(rule.explanation.find((step) => !step.ok)?.path).toBe('detail-type');
  });

  it('refuses an unknown topic and a body naming neither', () => {
    expect(() => recipients({ topic: 'nope', message: { body: 'x' } }, DECLARATIONS)).toThrow(ConsoleResourceNotFound);
    expect(() => recipients({}, DECLARATIONS)).toThrow(InvalidConsoleRequest);
  });
});
