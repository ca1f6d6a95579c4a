import { RefResolver } from '../definition/refs';
import { JsonSchemaCompiler } from './json-schema.compiler';

const document = {
  components: {
    schemas: {
      Node: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      },
    },
  },
};

const compile = (schema: unknown) =>
  new JsonSchemaCompiler(new RefResolver(document, 'api.yaml'), (detail) => new Error(detail)).compile(schema);

describe('JsonSchemaCompiler', () => {
  it.each([
    [
      { type: 'integer' },
      'x',
      ['instance type (string) does not match any allowed primitive type (allowed: ["integer"])'],
    ],
    [{ type: 'number' }, 3, []],
    [{ type: 'object', required: ['b', 'a'] }, {}, ['object has missing required properties (["a","b"])']],
    [
      { type: 'object', properties: { a: {} }, additionalProperties: false },
      { a: 1, z: 2 },
      ['object instance has properties which are not allowed by the schema: ["z"]'],
    ],
    [
      { type: 'array', minItems: 1 },
      [],
      ['array is too short: must have at least 1 elements but instance has 0 elements'],
    ],
    [
      { type: 'array', maxItems: 1 },
      [1, 2],
      ['array is too long: must have at most 1 elements but instance has 2 elements'],
    ],
    [{ minimum: 1 }, 0, ['numeric instance is lower than the required minimum (minimum: 1, found: 0)']],
    [{ maximum: 10 }, 11, ['numeric instance is greater than the required maximum (maximum: 10, found: 11)']],
    [{ minLength: 3 }, 'ab', ['string "ab" is too short (length: 2, required minimum: 3)']],
    [{ maxLength: 2 }, 'abc', ['string "abc" is too long (length: 3, maximum allowed: 2)']],
    [{ pattern: '^[A-Z]{3}$' }, 'eur', ['ECMA 262 regex "^[A-Z]{3}$" does not match input string "eur"']],
    [{ enum: ['a', 'b'] }, 'c', ['instance value ("c") not found in enum (possible values: ["a","b"])']],
    [{ format: 'uuid' }, 'nope', ['string "nope" is not a valid UUID']],
    [{ format: 'uuid' }, '0b6c1a2e-5f0d-4a8e-9b1c-2d3e4f5a6b7c', []],
    [
      { format: 'date-time' },
      '2024-02-30 10:00',
      [expect.stringContaining('is invalid against requested date format(s)')],
    ],
    [{ format: 'date-time' }, '2024-02-03T10:00:00.123Z', []],
    [{ format: 'int64' }, 'not checked', []],
  ])('%j against %j reports %j', (schema, value, errors) => {
    expect(compile(schema)(value)).toEqual(errors);
  });

  it('does not look inside an object that already fails, as API Gateway does', () => {
    const validate = compile({ type: 'object', required: ['a'], properties: { b: { type: 'string' } } });
    expect(validate({ b: 1 })).toEqual(['object has missing required properties (["a"])']);
    expect(validate({ a: 1, b: 1 })).toEqual([
      'instance type (integer) does not match any allowed primitive type (allowed: ["string"])',
    ]);
  });

  it('follows recursive $refs', () => {
    const validate = compile({ $ref: '#/components/schemas/Node' });
    expect(validate({ name: 'root', children: [{ name: 'leaf', children: [] }] })).toEqual([]);
    expect(validate({ name: 'root', children: [{ children: [] }] })).toEqual([
      'object has missing required properties (["name"])',
    ]);
  });

  it.each(['patternProperties', 'dependencies', 'if'])(
    'refuses the unsupported keyword %s at compile time',
    (keyword) => {
      expect(() => compile({ type: 'object', [keyword]: {} })).toThrow(
        `JSON Schema keyword "${keyword}" is not emulated`,
      );
    },
  );
});
