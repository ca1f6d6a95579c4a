import type { EventEnvelope } from '@harbor/contracts';
import type { ProductPage, ProductRepository } from '@harbor/catalog-application';
import { ConcurrentProductChange, type Product } from '@harbor/catalog-domain';
import * as dynamoose from 'dynamoose';
import { PRODUCT_KIND, PRODUCT_SK, PRODUCTS_INDEX, productPk } from './catalog-table.items';
import { catalogTableModels, type CatalogTableModels } from './catalog-table.models';
import { toDomain, toOutboxRecord, toPersistence } from './product.mapper';
import { cancellationCodes, CONDITION_FAILED, TRANSACTION_CONFLICT } from '@harbor/platform-outbox';

export interface DynamooseProductRepositoryOptions {
  /** Physical name of the catalog table (the function's CATALOG_TABLE_NAME). */
  readonly tableName: string;
}

/** Outbox records outlive the stream's 24 hours and the relay's retries. */
const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * ProductRepository on the catalog table through Dynamoose. A save is one transaction of the product (created
 * with attribute_not_exists, or updated on condition of the version it was read at) and its outbox records.
 */
export class DynamooseProductRepository implements ProductRepository {
  private readonly models: CatalogTableModels;

  constructor(options: DynamooseProductRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamooseProductRepository needs a tableName');
    this.models = catalogTableModels(options.tableName);
  }

  async findBySku(sku: string): Promise<Product | undefined> {
    // Strongly consistent: the version read here is the condition of the next write.
    const found = await this.models.products.get({ pk: productPk(sku), sk: PRODUCT_SK }, { consistent: true });
    return found ? toDomain(found) : undefined;
  }

  async save(product: Product, outbox: readonly EventEnvelope[], expectedVersion: number | undefined): Promise<void> {
    const record = toPersistence(product);
    const write =
      expectedVersion === undefined
        ? this.models.products.transaction.create(record, { overwrite: false })
        : this.models.products.transaction.update(
            { pk: record.pk, sk: record.sk },
            {
              $SET: {
                name: record.name,
                prices: record.prices,
                status: record.status,
                version: record.version,
                updatedAt: record.updatedAt,
              },
            },
            { condition: new dynamoose.Condition('version').eq(expectedVersion) },
          );
    const expiresAt = new Date(record.updatedAt.getTime() + RETENTION_MS);
    const outboxWrites = outbox.map((envelope, position) =>
      this.models.outbox.transaction.create(
        toOutboxRecord(envelope, { sku: product.sku, version: product.version, position, expiresAt }),
        { overwrite: false },
      ),
    );
    try {
      await dynamoose.transaction([write, ...outboxWrites] as Parameters<typeof dynamoose.transaction>[0]);
    } catch (error) {
      // The product's condition failed, or a concurrent transaction held it: another write won.
      if (cancellationCodes(error)?.some((code) => code === CONDITION_FAILED || code === TRANSACTION_CONFLICT)) {
        throw new ConcurrentProductChange({ sku: product.sku }, { cause: error });
      }
      throw error;
    }
  }

  async list(page: { readonly limit: number; readonly after?: string }): Promise<ProductPage> {
    let query = this.models.products.query('kind').eq(PRODUCT_KIND).using(PRODUCTS_INDEX).limit(page.limit);
    // The cursor is a SKU: its key is rebuilt here, so a client can only ever start after a product key.
    if (page.after !== undefined)
      query = query.startAt({ pk: productPk(page.after), sk: PRODUCT_SK, kind: PRODUCT_KIND, sku: page.after });
    const result = await query.exec();
    const products = result.map((item) => toDomain(item));
    return result.lastKey && products.length > 0 ? { products, nextAfter: products.at(-1)!.sku } : { products };
  }
}
