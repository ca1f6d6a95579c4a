import type { KeyAttribute, TableDefinition } from '@harbor/platform-service-definitions';
import { block, sortedByJson } from './support/collections';
import { eachPlanCase } from './support/plan-cases';

// Every table matches tables.yaml, the definition DynamoDB Local is created from (through the same loader).
function keyAttributes(table: TableDefinition): KeyAttribute[] {
  const keys: KeyAttribute[] = [table.hashKey, ...(table.rangeKey ? [table.rangeKey] : [])];
  for (const index of table.globalSecondaryIndexes)
    keys.push(index.hashKey, ...(index.rangeKey ? [index.rangeKey] : []));
  const unique = new Map(keys.map((key) => [key.name, key.type]));
  return sortedByJson([...unique].map(([name, type]) => ({ name, type })));
}

describe.each(eachPlanCase())('tables planned in %s', (_id, { plan, naming, services, protectedData }) => {
  const tables = services.flatMap((service) =>
    Object.entries(service.tables).map(([key, table]) => ({ service: service.name, key, table })),
  );

  it('are exactly the declared tables', () => {
    expect(
      plan
        .ofType('aws_dynamodb_table')
        .map((table) => table.values.name)
        .sort(),
    ).toEqual(tables.map(({ key }) => naming.physical(key)).sort());
  });

  describe.each(tables.map(({ service, key, table }) => [`${service}/${key}`, key, table] as const))(
    '%s',
    (_label, key, table) => {
      const planned = plan.find('aws_dynamodb_table', 'name', naming.physical(key)).values;

      it('has the declared keys and key attributes, billed on demand', () => {
        expect(planned.hash_key).toBe(table.hashKey.name);
        expect(planned.range_key ?? undefined).toBe(table.rangeKey?.name);
        expect(sortedByJson(planned.attribute as KeyAttribute[])).toEqual(keyAttributes(table));
        expect(planned.billing_mode).toBe('PAY_PER_REQUEST');
      });

      it('has the declared global secondary indexes', () => {
        const indexes = ((planned.global_secondary_index ?? []) as Record<string, unknown>[]).map((index) => ({
          name: index.name,
          hashKey: index.hash_key,
          rangeKey: index.range_key || undefined,
          projection: index.projection_type,
        }));
        const declared = table.globalSecondaryIndexes.map((index) => ({
          name: index.name,
          hashKey: index.hashKey.name,
          rangeKey: index.rangeKey?.name,
          projection: index.projection,
        }));
        expect(sortedByJson(indexes)).toEqual(sortedByJson(declared));
      });

      it('has the declared stream and TTL', () => {
        expect(planned.stream_enabled).toBe(table.stream !== undefined);
        expect(planned.stream_view_type || undefined).toBe(table.stream);
        expect(block(planned.ttl)?.attribute_name).toBe(table.ttlAttribute);
      });

      it(`has point-in-time recovery and deletion protection ${protectedData ? 'on' : 'off'}`, () => {
        expect(block(planned.point_in_time_recovery)?.enabled).toBe(protectedData);
        expect(planned.deletion_protection_enabled).toBe(protectedData);
      });
    },
  );
});
