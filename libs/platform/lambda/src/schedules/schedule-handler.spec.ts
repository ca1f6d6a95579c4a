import * as z from 'zod';
import { createObservability } from '../observability/observability';
import { lambdaContext } from '../testing/lambda-fixtures';
import { InvalidEventError } from '../events/invalid-event.error';
import { scheduleHandler, type ScheduleHandlerInput } from './schedule-handler';

const Deadline = z.strictObject({ orderId: z.uuid(), correlationId: z.string().optional() });
const observability = createObservability('orders');
const orderId = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';

describe('scheduleHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it("hands the target the schedule's validated input and its correlation id", async () => {
    const seen: ScheduleHandlerInput<typeof Deadline>[] = [];
    const handler = scheduleHandler(
      { observability, inputSchema: Deadline, schedule: 'payment-deadline' },
      async (input) => {
        seen.push(input);
      },
    );
    await handler({ orderId, correlationId: 'req-1' }, lambdaContext('harbor-test-orders-expireOrder'));
    const handed = seen.map(({ input, correlationId }) => ({ input, correlationId }));
    expect(handed).toEqual([{ input: { orderId, correlationId: 'req-1' }, correlationId: 'req-1' }]);
  });

  it('falls back to the request id as correlation id', async () => {
    let correlationId: string | undefined;
    const handler = scheduleHandler(
      { observability, inputSchema: Deadline, schedule: 'payment-deadline' },
      async (input) => {
        correlationId = input.correlationId;
      },
    );
    const context = lambdaContext();
    await handler({ orderId }, context);
    expect(correlationId).toBe(context.awsRequestId);
  });

  it('throws an input that does not match, naming the field, so the retry policy and the dead-letter queue keep it', async () => {
    const logError = jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const consumer = jest.fn(async () => undefined);
    const handler = scheduleHandler({ observability, inputSchema: Deadline, schedule: 'payment-deadline' }, consumer);
    const failure = handler({ orderId: 'not-a-uuid' }, lambdaContext());
    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow(/^Invalid payment-deadline schedule event: orderId /);
    expect(consumer).not.toHaveBeenCalled();
    const logged = expect.objectContaining({ message: 'Scheduled invocation failed', schedule: 'payment-deadline' });
    expect(logError).toHaveBeenCalledWith(logged, expect.any(InvalidEventError));
  });
});
