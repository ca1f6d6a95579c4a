import * as z from 'zod';

/** A key attribute of a table or index: `{ name: pk, type: S }`. */
export const KeyAttributeSchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['S', 'N', 'B'], { error: 'expected S, N or B' }),
});
export type KeyAttribute = z.output<typeof KeyAttributeSchema>;

export const GlobalSecondaryIndexSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, { error: 'expected 3 to 255 letters, digits, _ . or -' }),
  hashKey: KeyAttributeSchema,
  rangeKey: KeyAttributeSchema.optional(),
  projection: z.enum(['ALL', 'KEYS_ONLY'], { error: 'expected ALL or KEYS_ONLY' }).default('ALL'),
});
export type GlobalSecondaryIndex = z.output<typeof GlobalSecondaryIndexSchema>;

export const StreamViewTypeSchema = z.enum(['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'], {
  error: 'expected NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY',
});

export const TableDefinitionSchema = z
  .strictObject({
    description: z.string().optional(),
    hashKey: KeyAttributeSchema,
    rangeKey: KeyAttributeSchema.optional(),
    globalSecondaryIndexes: z.array(GlobalSecondaryIndexSchema).default([]),
    stream: StreamViewTypeSchema.optional(),
    ttlAttribute: z.string().min(1).optional(),
  })
  .superRefine(function checkKeyAttributesAgree(table, ctx) {
    // DynamoDB has one AttributeDefinitions list per table: an attribute keyed twice must keep its type.
    const declared = new Map<string, string>([[table.hashKey.name, table.hashKey.type]]);
    const keys: { attribute: KeyAttribute; path: (string | number)[] }[] = [];
    if (table.rangeKey) keys.push({ attribute: table.rangeKey, path: ['rangeKey', 'type'] });
    table.globalSecondaryIndexes.forEach((index, i) => {
      keys.push({ attribute: index.hashKey, path: ['globalSecondaryIndexes', i, 'hashKey', 'type'] });
      if (index.rangeKey)
        keys.push({ attribute: index.rangeKey, path: ['globalSecondaryIndexes', i, 'rangeKey', 'type'] });
    });
    for (const { attribute, path } of keys) {
      const known = declared.get(attribute.name);
      if (known && known !== attribute.type) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `attribute ${attribute.name} is declared as ${known} elsewhere`,
        });
      }
      declared.set(attribute.name, known ?? attribute.type);
    }
    const seen = new Set<string>();
    table.globalSecondaryIndexes.forEach((index, i) => {
      if (seen.has(index.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['globalSecondaryIndexes', i, 'name'],
          message: `duplicate index ${index.name}`,
        });
      }
      seen.add(index.name);
    });
  });
export type TableDefinition = z.output<typeof TableDefinitionSchema>;

/** Table keys become physical names `harbor-<env>-<key>`, so they keep to DynamoDB's table-name characters. */
export const TableKeySchema = z.string().regex(/^[a-z][a-z0-9-]{2,62}$/, {
  error: 'table keys are 3 to 63 lower-case letters, digits or -, starting with a letter',
});

export const TablesFileSchema = z.strictObject({
  tables: z.record(TableKeySchema, TableDefinitionSchema).default({}),
});
