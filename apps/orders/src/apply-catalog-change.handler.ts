import { ProductPriced, ProductRetired } from '@harbor/contracts';
import { eventHandler } from '@harbor/platform-lambda';
import * as z from 'zod';
import { applyCatalogChange } from './composition-root';
import { observability } from './observability';

const CatalogChange = z.union([ProductPriced.envelopeSchema, ProductRetired.envelopeSchema]);

/**
 * The catalog's ProductPriced / ProductRetired (EventBridge rule catalog-prices, events.yaml) into orders' copy of
 * the prices. A stale or repeated event (a version already held) is acknowledged and changes nothing.
 */
export const handler = eventHandler({ observability, detailSchema: CatalogChange }, async ({ detail, logger }) => {
  const outcome = await applyCatalogChange().execute(
    detail.eventType === 'ProductPriced'
      ? { eventType: 'ProductPriced', payload: detail.payload }
      : { eventType: 'ProductRetired', payload: detail.payload },
  );
  logger.info('catalog change', {
    eventType: detail.eventType,
    eventId: detail.eventId,
    sku: detail.payload.sku,
    version: detail.payload.version,
    outcome,
  });
});
