import { findSchemaBreaks, type JsonSchema } from './json-schema-compatibility';

const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const envelope = (payload: JsonSchema) => object({ eventId: { type: 'string', format: 'uuid' }, payload });

describe('findSchemaBreaks', () => {
  it('passes an identical schema', () => {
    const schema = envelope(object({ orderId: { type: 'string' } }));
    expect(findSchemaBreaks(schema, structuredClone(schema))).toEqual([]);
  });

  describe('removed field', () => {
    it('passes when an optional field is added', () => {
      const before = envelope(object({ orderId: { type: 'string' } }));
      const after = envelope(object({ orderId: { type: 'string' }, note: { type: 'string' } }, ['orderId']));
      expect(findSchemaBreaks(before, after)).toEqual([]);
    });

    it('fails naming the nested field that was removed', () => {
      const before = envelope(
        object({
          orderId: { type: 'string' },
          total: object({ amountMinor: { type: 'integer' }, currency: { type: 'string' } }),
        }),
      );
      const after = envelope(
        object({ orderId: { type: 'string' }, total: object({ amountMinor: { type: 'integer' } }) }),
      );
      expect(findSchemaBreaks(before, after)).toEqual([{ field: 'payload.total.currency', change: 'removed' }]);
    });

    it('fails a field removed from the items of an array', () => {
      const before = object({
        lines: { type: 'array', items: object({ sku: { type: 'string' }, quantity: { type: 'integer' } }) },
      });
      const after = object({ lines: { type: 'array', items: object({ sku: { type: 'string' } }) } });
      expect(findSchemaBreaks(before, after)).toEqual([{ field: 'lines[].quantity', change: 'removed' }]);
    });
  });

  describe('newly required field', () => {
    it('passes when a required field becomes optional', () => {
      const before = object({ note: { type: 'string' } });
      expect(findSchemaBreaks(before, object({ note: { type: 'string' } }, []))).toEqual([]);
    });

    it('fails an optional field that became required', () => {
      const before = object({ orderId: { type: 'string' }, note: { type: 'string' } }, ['orderId']);
      const after = object({ orderId: { type: 'string' }, note: { type: 'string' } });
      expect(findSchemaBreaks(before, after)).toEqual([{ field: 'note', change: 'optional before, now required' }]);
    });

    it('fails a new field that is required', () => {
      const after = object({ orderId: { type: 'string' }, reason: { type: 'string' } });
      expect(findSchemaBreaks(object({ orderId: { type: 'string' } }), after)).toEqual([
        { field: 'reason', change: 'new required field' },
      ]);
    });
  });

  describe('narrowed enum', () => {
    it('passes when enum values are added', () => {
      expect(findSchemaBreaks({ enum: ['PENDING', 'PAID'] }, { enum: ['PENDING', 'PAID', 'REFUNDED'] })).toEqual([]);
    });

    it('fails naming the enum values removed', () => {
      expect(
        findSchemaBreaks(
          object({ status: { type: 'string', enum: ['PENDING', 'PAID'] } }),
          object({ status: { type: 'string', enum: ['PAID'] } }),
        ),
      ).toEqual([{ field: 'status', change: 'enum values removed: ["PENDING"]' }]);
    });

    it('fails an enum put on a field that took any value', () => {
      expect(findSchemaBreaks({ type: 'string' }, { type: 'string', enum: ['A'] })).toEqual([
        { field: '(root)', change: 'enum ["A"] added' },
      ]);
    });
  });

  describe('changed type', () => {
    it('passes the same type', () => {
      expect(findSchemaBreaks({ type: 'integer' }, { type: 'integer' })).toEqual([]);
    });

    it('fails a field whose type changed', () => {
      expect(
        findSchemaBreaks(object({ quantity: { type: 'integer' } }), object({ quantity: { type: 'string' } })),
      ).toEqual([{ field: 'quantity', change: 'type changed from "integer" to "string"' }]);
    });

    it('fails a changed const (a literal)', () => {
      expect(findSchemaBreaks({ const: 1 }, { const: 2 })).toEqual([
        { field: '(root)', change: 'const changed from 1 to 2' },
      ]);
    });
  });

  describe('tightened bounds', () => {
    it('passes loosened bounds', () => {
      const before = { type: 'integer', minimum: 1, maximum: 100 };
      expect(findSchemaBreaks(before, { type: 'integer', minimum: 0, maximum: 1000 })).toEqual([]);
      expect(findSchemaBreaks({ type: 'integer', minimum: 1 }, { type: 'integer' })).toEqual([]);
    });

    it('fails a raised minimum and a lowered maximum', () => {
      expect(
        findSchemaBreaks({ type: 'integer', minimum: 0, maximum: 100 }, { type: 'integer', minimum: 1, maximum: 50 }),
      ).toEqual([
        { field: '(root)', change: 'minimum tightened from 0 to 1' },
        { field: '(root)', change: 'maximum tightened from 100 to 50' },
      ]);
    });

    it('fails string and array lengths that got tighter, and a bound added where there was none', () => {
      const before = object({
        name: { type: 'string', maxLength: 256 },
        lines: { type: 'array', items: { type: 'string' } },
      });
      const after = object({
        name: { type: 'string', minLength: 1, maxLength: 128 },
        lines: { type: 'array', items: { type: 'string' }, maxItems: 50 },
      });
      expect(findSchemaBreaks(before, after)).toEqual([
        { field: 'name', change: 'minLength tightened from none to 1' },
        { field: 'name', change: 'maxLength tightened from 256 to 128' },
        { field: 'lines', change: 'maxItems tightened from none to 50' },
      ]);
    });
  });

  describe('string format and pattern', () => {
    it('passes when a format is dropped', () => {
      expect(findSchemaBreaks({ type: 'string', format: 'uuid' }, { type: 'string' })).toEqual([]);
    });

    it('fails a format added to a string', () => {
      expect(
        findSchemaBreaks(object({ id: { type: 'string' } }), object({ id: { type: 'string', format: 'uuid' } })),
      ).toEqual([{ field: 'id', change: 'format "uuid" added' }]);
    });

    it('fails a changed pattern', () => {
      expect(
        findSchemaBreaks({ type: 'string', pattern: '^[A-Z]+$' }, { type: 'string', pattern: '^[A-Z]{3}$' }),
      ).toEqual([{ field: '(root)', change: 'pattern changed from "^[A-Z]+$" to "^[A-Z]{3}$"' }]);
    });
  });

  it('fails an object that stopped accepting unknown properties', () => {
    expect(findSchemaBreaks({ type: 'object' }, { type: 'object', additionalProperties: false })).toEqual([
      { field: '(root)', change: 'additional properties no longer allowed' },
    ]);
  });
});
