import { eventContracts, parseEventEnvelope, SKU_PATTERN } from '@harbor/contracts';
import * as dynamoose from 'dynamoose';
import type { ModelType, ObjectType } from 'dynamoose/dist/General';
import {
  PRODUCT_KIND,
  PRODUCT_SK,
  PRODUCTS_INDEX,
  type OutboxDocument,
  type ProductDocument,
} from './catalog-table.items';

// Strict: `saveUnknown: false` drops any attribute not declared here, and each write is checked before it is sent.
const isoDate = { value: Date, settings: { storage: 'iso' as const } };
const epochSeconds = { value: Date, settings: { storage: 'seconds' as const } };
const skuKey = new RegExp(`^PRODUCT#${SKU_PATTERN.source.slice(1)}`);

const productSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: skuKey },
    sk: { type: String, rangeKey: true, required: true, enum: [PRODUCT_SK] },
    kind: {
      type: String,
      required: true,
      enum: [PRODUCT_KIND],
      index: { name: PRODUCTS_INDEX, type: 'global', rangeKey: 'sku', project: true },
    },
    sku: { type: String, required: true, validate: SKU_PATTERN },
    name: { type: String, required: true },
    prices: {
      type: Array,
      required: true,
      schema: [
        {
          type: Object,
          schema: { currency: { type: String, required: true }, amountMinor: { type: Number, required: true } },
        },
      ],
    },
    status: { type: String, required: true, enum: ['ACTIVE', 'RETIRED'] },
    version: {
      type: Number,
      required: true,
      validate: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1,
    },
    updatedAt: { type: isoDate, required: true },
  },
  { saveUnknown: false },
);

/** Only events with a registered contract, whose JSON matches its own key attributes, may wait in the outbox. */
function outboxEnvelopeMatches(item: ObjectType): boolean {
  // The relay's conditional update only sets publishedAt: there is no envelope to compare.
  if (item['envelope'] === undefined && item['publishedAt'] !== undefined) return true;
  try {
    const envelope = parseEventEnvelope(JSON.parse(item['envelope']));
    return (
      envelope.eventId === item['eventId'] &&
      envelope.eventType === item['eventType'] &&
      envelope.correlationId === item['correlationId']
    );
  } catch {
    return false;
  }
}

const outboxSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true, required: true, validate: skuKey },
    sk: { type: String, rangeKey: true, required: true, validate: /^OUTBOX#\d{10}#\d{3}$/ },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true, enum: eventContracts.map((contract) => contract.name) },
    envelope: { type: String, required: true },
    correlationId: { type: String, required: true },
    expiresAt: { type: epochSeconds, required: true },
    publishedAt: { type: isoDate },
  },
  { saveUnknown: false, validate: outboxEnvelopeMatches },
);

export interface CatalogTableModels {
  readonly products: ModelType<ProductDocument>;
  readonly outbox: ModelType<OutboxDocument>;
}

// Dynamoose registers models and tables process-wide: one set per table name, shared.
const modelsByTable = new Map<string, CatalogTableModels>();

/** The item types of one catalog table, bound to it. The table is Terraform's (tables.yaml): never created here. */
export function catalogTableModels(tableName: string): CatalogTableModels {
  const existing = modelsByTable.get(tableName);
  if (existing) return existing;
  const models: CatalogTableModels = {
    products: dynamoose.model<ProductDocument>(`${tableName}/Product`, productSchema),
    outbox: dynamoose.model<OutboxDocument>(`${tableName}/OutboxRecord`, outboxSchema),
  };
  new dynamoose.Table(tableName, [models.products, models.outbox], {
    create: false,
    waitForActive: false,
    update: false,
  });
  modelsByTable.set(tableName, models);
  return models;
}
