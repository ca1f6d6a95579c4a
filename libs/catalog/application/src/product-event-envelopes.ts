import { ProductPriced, ProductRetired, type EventEnvelope } from '@harbor/contracts';
import type { Product, ProductChange } from '@harbor/catalog-domain';
import type { IdGenerator } from './ports/id-generator.port';

export interface EnvelopeOrigin {
  readonly idGenerator: IdGenerator;
  readonly occurredAt: Date;
  /** The request that made the change: correlation and causation of what it publishes. */
  readonly requestId: string;
}

/** What a change publishes: the whole price list when priced, the retirement when retired, nothing when unchanged. */
export function productOutbox(product: Product, change: ProductChange, origin: EnvelopeOrigin): EventEnvelope[] {
  if (change.kind === 'unchanged') return [];
  const { sku, name, prices, version } = product.toSnapshot();
  const [contract, payload] =
    change.kind === 'priced' ? [ProductPriced, { sku, name, prices, version }] : [ProductRetired, { sku, version }];
  // Validated against the contract, so an event that would break consumers fails here, before anything is written.
  return [
    contract.envelopeSchema.parse({
      eventId: origin.idGenerator.newId(),
      eventType: contract.name,
      version: contract.version,
      occurredAt: origin.occurredAt.toISOString(),
      correlationId: origin.requestId,
      causationId: origin.requestId,
      payload,
    }),
  ];
}
