import { CURRENCY_PATTERN, SKU_PATTERN } from '@harbor/contracts';
import type { CatalogPrice, CatalogPrices } from '@harbor/orders-application';
import * as dynamoose from 'dynamoose';
import type { ModelType } from 'dynamoose/dist/General';
import type { Item } from 'dynamoose/dist/Item';

/** A product as orders keeps it (key: sku). Never leaves this adapter. */
interface CatalogPriceRecord {
  readonly sku: string;
  readonly status: string;
  readonly prices: readonly { readonly currency: string; readonly amountMinor: number }[];
  readonly version: number;
}
type CatalogPriceDocument = Item & CatalogPriceRecord;

const schema = new dynamoose.Schema(
  {
    sku: { type: String, hashKey: true, required: true, validate: SKU_PATTERN },
    status: { type: String, required: true, enum: ['ACTIVE', 'RETIRED'] },
    prices: {
      type: Array,
      required: true,
      schema: [
        {
          type: Object,
          schema: {
            currency: { type: String, required: true, validate: CURRENCY_PATTERN },
            amountMinor: { type: Number, required: true },
          },
        },
      ],
    },
    version: {
      type: Number,
      required: true,
      validate: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1,
    },
  },
  { saveUnknown: false },
);

const models = new Map<string, ModelType<CatalogPriceDocument>>();
function modelFor(tableName: string): ModelType<CatalogPriceDocument> {
  let model = models.get(tableName);
  if (!model) {
    model = dynamoose.model<CatalogPriceDocument>(`${tableName}/CatalogPrice`, schema);
    new dynamoose.Table(tableName, [model], { create: false, waitForActive: false, update: false });
    models.set(tableName, model);
  }
  return model;
}

const toEntry = (record: CatalogPriceRecord): CatalogPrice => ({
  sku: record.sku,
  status: record.status === 'RETIRED' ? 'RETIRED' : 'ACTIVE',
  prices: Object.fromEntries(record.prices.map((price) => [price.currency, price.amountMinor])),
  version: record.version,
});

const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * Orders' copy of the catalog (the orders-prices table) through Dynamoose. `apply` is one conditional PutItem
 * (no entry yet, or a lower version), so concurrent and out-of-order deliveries settle on the newest version.
 */
export class DynamooseCatalogPrices implements CatalogPrices {
  private readonly model: ModelType<CatalogPriceDocument>;

  constructor(options: { readonly tableName: string }) {
    if (!options.tableName) throw new TypeError('DynamooseCatalogPrices needs a tableName');
    this.model = modelFor(options.tableName);
  }

  async find(skus: readonly string[]): Promise<ReadonlyMap<string, CatalogPrice>> {
    if (skus.length === 0) return new Map();
    // One BatchGetItem for an order's lines (at most 50, under its 100 keys); keys it leaves unprocessed are asked again.
    let keys = skus.map((sku) => ({ sku }));
    const found: CatalogPriceRecord[] = [];
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt === 5)
        throw new Error(`DynamoDB left ${keys.length} catalog prices unread after 5 BatchGetItem calls`);
      const result = await this.model.batchGet(keys);
      found.push(...result);
      keys = (result.unprocessedKeys ?? []) as { sku: string }[];
    }
    return new Map(found.map((record) => [record.sku, toEntry(record)]));
  }

  async apply(entry: CatalogPrice): Promise<'applied' | 'stale'> {
    const prices = Object.entries(entry.prices).map(([currency, amountMinor]) => ({ currency, amountMinor }));
    const condition = new dynamoose.Condition().where('sku').not().exists().or().where('version').lt(entry.version);
    try {
      await this.model.create(
        { sku: entry.sku, status: entry.status, prices, version: entry.version },
        { overwrite: true, condition },
      );
      return 'applied';
    } catch (error) {
      if (isConditionFailure(error)) return 'stale';
      throw error;
    }
  }
}
