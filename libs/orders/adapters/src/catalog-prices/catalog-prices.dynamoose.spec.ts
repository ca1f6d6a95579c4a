import { randomUUID } from 'node:crypto';
import { DynamooseCatalogPrices } from './catalog-prices.dynamoose';

/** The read model table the Jest global setup created in DynamoDB Local (harbor-<HARBOR_ENV>-orders-prices). */
function tableName(): string {
  if (!process.env.HARBOR_ENV || !process.env.AWS_ENDPOINT_URL_DYNAMODB)
    throw new Error('run these tests through jest.config.cjs, which starts DynamoDB Local');
  return `harbor-${process.env.HARBOR_ENV}-orders-prices`;
}

const prices = new DynamooseCatalogPrices({ tableName: tableName() });
const newSku = () => `P${randomUUID().slice(0, 8).toUpperCase()}`;
const active = (sku: string, version: number, eur: number) => ({
  sku,
  status: 'ACTIVE' as const,
  prices: { EUR: eur, USD: eur + 1 },
  version,
});

describe('DynamooseCatalogPrices against DynamoDB Local', () => {
  it('keeps the newest version: a stale or repeated event is refused by the condition, not by a read', async () => {
    const sku = newSku();
    expect(await prices.apply(active(sku, 2, 990))).toBe('applied');
    expect(await prices.apply(active(sku, 1, 1250))).toBe('stale');
    expect(await prices.apply(active(sku, 2, 990))).toBe('stale');
    expect(await prices.apply({ sku, status: 'RETIRED', prices: {}, version: 3 })).toBe('applied');
    expect(await prices.apply(active(sku, 2, 990))).toBe('stale');
    expect((await prices.find([sku])).get(sku)).toEqual({ sku, status: 'RETIRED', prices: {}, version: 3 });
  });

  it('settles on the newest of concurrent deliveries', async () => {
    const sku = newSku();
    await Promise.all([5, 3, 9, 1, 7].map((version) => prices.apply(active(sku, version, version * 100))));
    expect((await prices.find([sku])).get(sku)).toEqual(active(sku, 9, 900));
  });

  it('finds the SKUs it holds, and leaves out the others', async () => {
    const [one, two, missing] = [newSku(), newSku(), newSku()];
    await prices.apply(active(one, 1, 100));
    await prices.apply(active(two, 1, 200));
    const found = await prices.find([one, two, missing]);
    expect([...found.keys()].sort()).toEqual([one, two].sort());
    expect(found.get(two)?.prices).toEqual({ EUR: 200, USD: 201 });
  });
});
