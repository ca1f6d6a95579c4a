import type { RefResolver } from '../definition/refs';
import { isRecord, type JsonRecord } from '../../core';
import { FORMAT_CHECKS } from './schema-formats';
import { jsonTypeOf, schemaMessages as m } from './schema-messages';

/** Validates one JSON value, returning the messages (empty when valid). */
export type SchemaValidator = (value: unknown) => string[];
type Check = (value: unknown, errors: string[]) => void;

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);
const ANNOTATIONS = [
  'title',
  'description',
  'default',
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'xml',
  'externalDocs',
  '$schema',
  'id',
  'nullable',
];
const KEYWORDS = new Set([
  ...ANNOTATIONS,
  ...['type', 'enum', 'format', 'required', 'properties', 'additionalProperties', 'minProperties', 'maxProperties'],
  ...['items', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern'],
  ...['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'allOf', 'anyOf', 'oneOf', 'not'],
]);

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    isRecord(entry)
      ? Object.fromEntries(
          Object.keys(entry)
            .sort()
            .map((key) => [key, entry[key]]),
        )
      : entry,
  );

const numberOf = (schema: JsonRecord, key: string): number | undefined =>
  typeof schema[key] === 'number' ? (schema[key] as number) : undefined;

/**
 * Compiles the JSON Schema draft 4 subset OpenAPI request models use into plain functions, once, at start-up.
 * As API Gateway's validator does, a value failing its own keywords is not searched further (children of an
 * invalid object or array are not validated), and every failure at that level is reported.
 */
export class JsonSchemaCompiler {
  private readonly byRef = new Map<string, Check>();

  constructor(
    private readonly refs: RefResolver,
    private readonly problem: (detail: string) => Error,
  ) {}

  compile(schema: unknown): SchemaValidator {
    const check = this.node(schema);
    return (value) => {
      const errors: string[] = [];
      check(value, errors);
      return errors;
    };
  }

  private node(schema: unknown): Check {
    if (!isRecord(schema)) throw this.problem('a schema must be an object');
    if (typeof schema['$ref'] === 'string') return this.reference(schema['$ref']);
    for (const key of Object.keys(schema)) {
      if (!KEYWORDS.has(key) && !key.startsWith('x-'))
        throw this.problem(`JSON Schema keyword "${key}" is not emulated`);
    }
    const own = this.ownChecks(schema);
    const children = this.childChecks(schema);
    return (value, errors) => {
      const before = errors.length;
      for (const check of own) check(value, errors);
      if (errors.length === before) for (const check of children) check(value, errors);
    };
  }

  private reference(ref: string): Check {
    const known = this.byRef.get(ref);
    if (known) return known;
    let target: Check = () => undefined;
    const lazy: Check = (value, errors) => target(value, errors);
    this.byRef.set(ref, lazy);
    target = this.node(this.refs.lookup(ref));
    return lazy;
  }

  private ownChecks(schema: JsonRecord): Check[] {
    const checks: Check[] = [];
    const types = schema['type'] === undefined ? [] : Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
    for (const type of types)
      if (typeof type !== 'string' || !TYPES.has(type)) throw this.problem(`unknown type ${JSON.stringify(type)}`);
    if (types.length > 0) {
      const allowed = types as string[];
      checks.push((value, errors) => {
        const actual = jsonTypeOf(value);
        if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number')))
          errors.push(m.type(actual, allowed));
      });
    }
    if (Array.isArray(schema['enum'])) {
      const allowed = schema['enum'] as unknown[];
      const keys = new Set(allowed.map(canonical));
      checks.push((value, errors) => {
        if (!keys.has(canonical(value))) errors.push(m.enum(value, allowed));
      });
    }
    checks.push(
      ...this.objectChecks(schema),
      ...this.arrayChecks(schema),
      ...this.stringChecks(schema),
      ...this.numberChecks(schema),
    );
    checks.push(...this.combinators(schema));
    // Type first: once the type is wrong, API Gateway reports only that.
    return types.length > 0
      ? [
          (value, errors) => {
            const before = errors.length;
            checks[0](value, errors);
            if (errors.length === before) for (const check of checks.slice(1)) check(value, errors);
          },
        ]
      : checks;
  }

  private objectChecks(schema: JsonRecord): Check[] {
    const checks: Check[] = [];
    const isObject = (value: unknown): value is JsonRecord => isRecord(value);
    if (Array.isArray(schema['required']) && schema['required'].length > 0) {
      const required = schema['required'].map(String);
      checks.push((value, errors) => {
        if (!isObject(value)) return;
        const missing = required.filter((name) => !Object.prototype.hasOwnProperty.call(value, name)).sort();
        if (missing.length > 0) errors.push(m.required(missing));
      });
    }
    if (schema['additionalProperties'] === false) {
      const declared = new Set(Object.keys(isRecord(schema['properties']) ? schema['properties'] : {}));
      checks.push((value, errors) => {
        if (!isObject(value)) return;
        const extra = Object.keys(value)
          .filter((name) => !declared.has(name))
          .sort();
        if (extra.length > 0) errors.push(m.additionalProperties(extra));
      });
    }
    const minProperties = numberOf(schema, 'minProperties');
    const maxProperties = numberOf(schema, 'maxProperties');
    if (minProperties !== undefined || maxProperties !== undefined) {
      checks.push((value, errors) => {
        if (!isObject(value)) return;
        const count = Object.keys(value).length;
        if (minProperties !== undefined && count < minProperties) errors.push(m.minProperties(count, minProperties));
        if (maxProperties !== undefined && count > maxProperties) errors.push(m.maxProperties(count, maxProperties));
      });
    }
    return checks;
  }

  private arrayChecks(schema: JsonRecord): Check[] {
    const minItems = numberOf(schema, 'minItems');
    const maxItems = numberOf(schema, 'maxItems');
    const unique = schema['uniqueItems'] === true;
    if (minItems === undefined && maxItems === undefined && !unique) return [];
    return [
      (value, errors) => {
        if (!Array.isArray(value)) return;
        if (minItems !== undefined && value.length < minItems) errors.push(m.minItems(minItems, value.length));
        if (maxItems !== undefined && value.length > maxItems) errors.push(m.maxItems(maxItems, value.length));
        if (unique && new Set(value.map(canonical)).size !== value.length) errors.push(m.uniqueItems());
      },
    ];
  }

  private stringChecks(schema: JsonRecord): Check[] {
    const minLength = numberOf(schema, 'minLength');
    const maxLength = numberOf(schema, 'maxLength');
    const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined;
    const format = typeof schema['format'] === 'string' ? FORMAT_CHECKS[schema['format']] : undefined;
    if (minLength === undefined && maxLength === undefined && pattern === undefined && format === undefined) return [];
    let regex: RegExp | undefined;
    try {
      regex = pattern === undefined ? undefined : new RegExp(pattern);
    } catch (error) {
      throw this.problem(
        `pattern ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message})`,
      );
    }
    return [
      (value, errors) => {
        if (typeof value !== 'string') return;
        const length = [...value].length;
        if (minLength !== undefined && length < minLength) errors.push(m.minLength(value, minLength));
        if (maxLength !== undefined && length > maxLength) errors.push(m.maxLength(value, maxLength));
        if (regex && pattern !== undefined && !regex.test(value)) errors.push(m.pattern(pattern, value));
        const formatError = format?.(value);
        if (formatError) errors.push(formatError);
      },
    ];
  }

  private numberChecks(schema: JsonRecord): Check[] {
    const minimum = numberOf(schema, 'minimum');
    const maximum = numberOf(schema, 'maximum');
    const multipleOf = numberOf(schema, 'multipleOf');
    const exclusiveMin = schema['exclusiveMinimum'] === true;
    const exclusiveMax = schema['exclusiveMaximum'] === true;
    if (minimum === undefined && maximum === undefined && multipleOf === undefined) return [];
    return [
      (value, errors) => {
        if (typeof value !== 'number') return;
        if (minimum !== undefined && (exclusiveMin ? value <= minimum : value < minimum)) {
          errors.push(exclusiveMin ? m.exclusiveMinimum(minimum, value) : m.minimum(minimum, value));
        }
        if (maximum !== undefined && (exclusiveMax ? value >= maximum : value > maximum)) {
          errors.push(exclusiveMax ? m.exclusiveMaximum(maximum, value) : m.maximum(maximum, value));
        }
        if (multipleOf !== undefined && !Number.isInteger(Number((value / multipleOf).toFixed(10))))
          errors.push(m.multipleOf(value, multipleOf));
      },
    ];
  }

  private childChecks(schema: JsonRecord): Check[] {
    const checks: Check[] = [];
    const properties = Object.entries(isRecord(schema['properties']) ? schema['properties'] : {}).map(
      ([name, child]) => [name, this.node(child)] as const,
    );
    const additional = isRecord(schema['additionalProperties']) ? this.node(schema['additionalProperties']) : undefined;
    if (properties.length > 0 || additional) {
      const declared = new Set(properties.map(([name]) => name));
      checks.push((value, errors) => {
        if (!isRecord(value)) return;
        for (const [name, check] of properties)
          if (Object.prototype.hasOwnProperty.call(value, name)) check(value[name], errors);
        if (additional) for (const name of Object.keys(value)) if (!declared.has(name)) additional(value[name], errors);
      });
    }
    if (schema['items'] !== undefined) {
      if (Array.isArray(schema['items'])) throw this.problem('tuple "items" (an array of schemas) is not emulated');
      const item = this.node(schema['items']);
      checks.push((value, errors) => {
        if (Array.isArray(value)) for (const element of value) item(element, errors);
      });
    }
    return checks;
  }

  private combinators(schema: JsonRecord): Check[] {
    const checks: Check[] = [];
    const list = (key: string): SchemaValidator[] =>
      Array.isArray(schema[key]) ? (schema[key] as unknown[]).map((child) => this.compile(child)) : [];
    const [allOf, anyOf, oneOf] = [list('allOf'), list('anyOf'), list('oneOf')];
    const matched = (validators: SchemaValidator[], value: unknown): number =>
      validators.filter((validate) => validate(value).length === 0).length;
    if (allOf.length > 0)
      checks.push(
        (value, errors) =>
          void (matched(allOf, value) < allOf.length && errors.push(m.allOf(matched(allOf, value), allOf.length))),
      );
    if (anyOf.length > 0)
      checks.push((value, errors) => void (matched(anyOf, value) === 0 && errors.push(m.anyOf(anyOf.length))));
    if (oneOf.length > 0)
      checks.push((value, errors) => {
        const count = matched(oneOf, value);
        if (count !== 1) errors.push(m.oneOf(count, oneOf.length));
      });
    if (schema['not'] !== undefined) {
      const not = this.compile(schema['not']);
      checks.push((value, errors) => void (not(value).length === 0 && errors.push(m.not())));
    }
    return checks;
  }
}
