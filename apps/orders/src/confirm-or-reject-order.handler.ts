import { StockRejected, StockReserved } from '@harbor/contracts';
import { eventHandler } from '@harbor/platform-lambda';
import * as z from 'zod';
import { confirmOrder, rejectOrder } from './composition-root';
import { observability, reportOrderEventOutcome } from './observability';

const StockOutcome = z.union([StockReserved.envelopeSchema, StockRejected.envelopeSchema]);

/**
 * Inventory's answer to OrderPlaced (EventBridge rule stock-outcome, events.yaml): StockReserved confirms the
 * order, StockRejected rejects it with inventory's reasons. Redeliveries and events an order can no longer take
 * are acknowledged; only a failure worth retrying (a concurrent change, an outage) is thrown.
 */
export const handler = eventHandler(
  { observability, detailSchema: StockOutcome },
  async ({ detail, correlationId, logger, metrics }) => {
    const context = { correlationId, causationId: detail.eventId };
    const { orderId } = detail.payload;
    const outcome =
      detail.eventType === 'StockReserved'
        ? await confirmOrder().execute({ orderId }, context)
        : await rejectOrder().execute(
            { orderId, reasons: detail.payload.reasons.map(({ sku, reason }) => ({ sku, reason })) },
            context,
          );
    reportOrderEventOutcome(
      outcome,
      { eventType: detail.eventType, eventId: detail.eventId, orderId },
      { logger, metrics },
    );
  },
);
