import * as z from 'zod';
import { InvalidEventError } from '../events/invalid-event.error';
import { createObservability } from '../observability/observability';
import { deliver, snsEvent } from '../testing/lambda-fixtures';
import { snsMessageHandler, type SnsMessageInput } from './sns-message-handler';

const Payment = z.strictObject({ paymentId: z.string().min(1), amountMinor: z.int().min(0) });
const observability = createObservability('payments');
const attributes = {
  eventType: { Type: 'String' as const, Value: 'PaymentSucceeded' },
  correlationId: { Type: 'String' as const, Value: 'corr-42' },
};

describe('snsMessageHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hands the subscriber the validated message, the raw text, the attributes and the correlation id', async () => {
    const seen: SnsMessageInput<typeof Payment>[] = [];
    const subscriber = snsMessageHandler({ observability, messageSchema: Payment }, async (input) => {
      seen.push(input);
    });
    const raw = '{"paymentId":"p-1",  "amountMinor":1250}';
    await deliver(subscriber, snsEvent(raw, attributes, 'payment-events'));
    expect(seen).toHaveLength(1);
    expect(seen[0].message).toEqual({ paymentId: 'p-1', amountMinor: 1250 });
    expect(seen[0].rawMessage).toBe(raw);
    expect(seen[0].attributes).toEqual({ eventType: 'PaymentSucceeded', correlationId: 'corr-42' });
    expect(seen[0].correlationId).toBe('corr-42');
  });

  it('falls back to the SNS message id when no correlationId attribute was published', async () => {
    let correlationId = '';
    const subscriber = snsMessageHandler({ observability, messageSchema: Payment }, async (input) => {
      correlationId = input.correlationId;
    });
    const event = snsEvent('{"paymentId":"p-1","amountMinor":1}', {});
    await deliver(subscriber, event);
    expect(correlationId).toBe(event.Records[0].Sns.MessageId);
  });

  it.each([
    ['a message that is not JSON', 'not json', '(message)'],
    ['a message that breaks the schema', '{"paymentId":"p-1","amountMinor":-5}', 'amountMinor'],
  ])(
    'throws %s (so SNS retries, then dead-letters it), naming the field, and never calls the subscriber',
    async (_case, message, field) => {
      const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
      const subscriber = snsMessageHandler({ observability, messageSchema: Payment }, async () => {
        throw new Error('must not be called');
      });
      const failure = await deliver(subscriber, snsEvent(message, attributes)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidEventError);
      expect((failure as InvalidEventError).errors.map((error) => error.field)).toContain(field);
      expect(logError).toHaveBeenCalled();
    },
  );
});
