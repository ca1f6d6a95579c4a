import * as z from 'zod';
import { createObservability } from '../observability/observability';
import { eventHandler, type EventHandlerInput } from './event-handler';
import { InvalidEventError } from './invalid-event.error';
import { eventBridgeEvent, lambdaContext } from '../testing/lambda-fixtures';

const OrderPlacedDetail = z.strictObject({
  eventId: z.uuid(),
  correlationId: z.string().min(1),
  payload: z.strictObject({ orderId: z.string(), totalMinor: z.int().min(0) }),
});

const observability = createObservability('inventory');
const detail = {
  eventId: '6b1f4a53-4f7e-4b7a-9a57-0f3f0c3b8d11',
  correlationId: 'corr-123',
  payload: { orderId: 'order-1', totalMinor: 1250 },
};

describe('eventHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hands the consumer the validated detail and its correlation id', async () => {
    const seen: EventHandlerInput<typeof OrderPlacedDetail>[] = [];
    let logged: unknown;
    const consumer = eventHandler({ observability, detailSchema: OrderPlacedDetail }, async (input) => {
      seen.push(input);
      logged = input.logger.getCorrelationId();
    });
    const event = eventBridgeEvent('OrderPlaced', detail);
    await consumer(event, lambdaContext('harbor-test-inventory-reserveStock'));
    expect(seen).toHaveLength(1);
    expect(seen[0].detail).toEqual(detail);
    expect(seen[0].correlationId).toBe('corr-123');
    expect(logged).toBe('corr-123');
    expect(seen[0].event).toBe(event);
  });

  it('throws an invalid detail (so EventBridge retries and dead-letters it), naming the field', async () => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const consumer = jest.fn(async () => undefined);
    const handler = eventHandler({ observability, detailSchema: OrderPlacedDetail }, consumer);
    const event = eventBridgeEvent('OrderPlaced', { ...detail, payload: { orderId: 'order-1', totalMinor: -1 } });

    const failure = handler(event, lambdaContext());
    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/^Invalid OrderPlaced event: payload\.totalMinor /);
    expect(consumer).not.toHaveBeenCalled();
    expect(logError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Event handling failed', eventId: event.id, detailType: 'OrderPlaced' }),
      expect.any(InvalidEventError),
    );
  });

  it("lets the consumer's own error through, after logging it", async () => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const boom = new Error('table unavailable');
    const handler = eventHandler({ observability, detailSchema: OrderPlacedDetail }, async () => {
      throw boom;
    });
    await expect(handler(eventBridgeEvent('OrderPlaced', detail), lambdaContext())).rejects.toBe(boom);
    expect(logError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Event handling failed' }), boom);
  });

  it('falls back to the EventBridge event id as correlation id', async () => {
    let correlationId: string | undefined;
    const handler = eventHandler({ observability, detailSchema: z.object({ note: z.string() }) }, async (input) => {
      correlationId = input.correlationId;
    });
    const event = eventBridgeEvent('Noted', { note: 'x' });
    await handler(event, lambdaContext());
    expect(correlationId).toBe(event.id);
  });
});
