import type { EventEnvelope } from '@harbor/contracts';
import { Product, type ProductStatus } from '@harbor/catalog-domain';
import {
  outboxSk,
  PRODUCT_KIND,
  PRODUCT_SK,
  productPk,
  type OutboxRecord,
  type ProductRecord,
} from './catalog-table.items';

export const toPersistence = (product: Product): ProductRecord => {
  const { sku, name, prices, status, version, updatedAt } = product.toSnapshot();
  return { pk: productPk(sku), sk: PRODUCT_SK, kind: PRODUCT_KIND, sku, name, prices, status, version, updatedAt };
};

/** Read back through the entity, so a record edited by hand into something invalid is refused, not served. */
export const toDomain = (record: ProductRecord): Product =>
  Product.restore({
    sku: record.sku,
    name: record.name,
    prices: record.prices.map(({ currency, amountMinor }) => ({ currency, amountMinor })),
    status: record.status as ProductStatus,
    version: record.version,
    updatedAt: new Date(record.updatedAt),
  });

export function toOutboxRecord(
  envelope: EventEnvelope,
  at: { readonly sku: string; readonly version: number; readonly position: number; readonly expiresAt: Date },
): OutboxRecord {
  return {
    pk: productPk(at.sku),
    sk: outboxSk(at.version, at.position),
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    envelope: JSON.stringify(envelope),
    correlationId: envelope.correlationId,
    expiresAt: at.expiresAt,
  };
}
