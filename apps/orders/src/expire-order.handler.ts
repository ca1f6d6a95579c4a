import { OrderIdSchema } from '@harbor/contracts';
import { scheduleHandler } from '@harbor/platform-lambda';
import * as z from 'zod';
import { expireOrder } from './composition-root';
import { observability, reportOrderEventOutcome } from './observability';

/** What SchedulerPaymentDeadlines puts in each schedule's Input. */
const PaymentDeadlineInput = z.strictObject({ orderId: OrderIdSchema, correlationId: z.string().min(1).optional() });

/**
 * The order's payment deadline came (functions.yaml schedules.payment-deadline, one at() schedule per confirmed
 * order): a still CONFIRMED order expires and its stock is released; a paid or cancelled one is left as it is.
 */
const options = { observability, inputSchema: PaymentDeadlineInput, schedule: 'payment-deadline' };

export const handler = scheduleHandler(options, async ({ input, context, correlationId, logger, metrics }) => {
  const { orderId } = input;
  const outcome = await expireOrder().execute(
    { orderId },
    { correlationId, causationId: `payment-deadline:${context.awsRequestId}` },
  );
  reportOrderEventOutcome(
    outcome,
    { eventType: 'PaymentDeadline', eventId: context.awsRequestId, orderId },
    { logger, metrics },
  );
});
