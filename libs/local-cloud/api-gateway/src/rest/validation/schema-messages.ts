/**
 * Validation messages in the wording of the JSON Schema validator behind API Gateway's request validators
 * (java-json-tools), which is what `$context.error.validationErrorString` shows clients.
 */
const list = (values: readonly unknown[]): string => `[${values.map((value) => JSON.stringify(value)).join(',')}]`;

export const schemaMessages = {
  type: (actual: string, allowed: readonly string[]) =>
    `instance type (${actual}) does not match any allowed primitive type (allowed: ${list(allowed)})`,
  required: (missing: readonly string[]) => `object has missing required properties (${list(missing)})`,
  additionalProperties: (extra: readonly string[]) =>
    `object instance has properties which are not allowed by the schema: ${list(extra)}`,
  minProperties: (found: number, min: number) =>
    `object has too few properties (found ${found} but schema requires at least ${min})`,
  maxProperties: (found: number, max: number) =>
    `object has too many properties (found ${found} but schema requires at most ${max})`,
  minItems: (min: number, found: number) =>
    `array is too short: must have at least ${min} elements but instance has ${found} elements`,
  maxItems: (max: number, found: number) =>
    `array is too long: must have at most ${max} elements but instance has ${found} elements`,
  uniqueItems: () => 'array must not contain duplicate elements',
  minimum: (min: number, found: number) =>
    `numeric instance is lower than the required minimum (minimum: ${min}, found: ${found})`,
  exclusiveMinimum: (min: number, found: number) =>
    `numeric instance is not strictly greater than the required minimum (minimum: ${min}, found: ${found})`,
  maximum: (max: number, found: number) =>
    `numeric instance is greater than the required maximum (maximum: ${max}, found: ${found})`,
  exclusiveMaximum: (max: number, found: number) =>
    `numeric instance is not strictly lower than the required maximum (maximum: ${max}, found: ${found})`,
  multipleOf: (found: number, divisor: number) => `remainder of division is not zero (${found} / ${divisor})`,
  minLength: (value: string, min: number) =>
    `string ${JSON.stringify(value)} is too short (length: ${value.length}, required minimum: ${min})`,
  maxLength: (value: string, max: number) =>
    `string ${JSON.stringify(value)} is too long (length: ${value.length}, maximum allowed: ${max})`,
  pattern: (pattern: string, value: string) =>
    `ECMA 262 regex ${JSON.stringify(pattern)} does not match input string ${JSON.stringify(value)}`,
  enum: (value: unknown, allowed: readonly unknown[]) =>
    `instance value (${JSON.stringify(value)}) not found in enum (possible values: ${list(allowed)})`,
  dateTime: (value: string) =>
    `string ${JSON.stringify(value)} is invalid against requested date format(s) [yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,12}Z]`,
  uuid: (value: string) => `string ${JSON.stringify(value)} is not a valid UUID`,
  email: (value: string) => `string ${JSON.stringify(value)} is not a valid email address`,
  allOf: (matched: number, total: number) =>
    `instance failed to match all required schemas (matched only ${matched} out of ${total})`,
  anyOf: (total: number) => `instance failed to match at least one required schema among ${total}`,
  oneOf: (matched: number, total: number) =>
    `instance failed to match exactly one schema (matched ${matched} out of ${total})`,
  not: () => 'instance matched a schema which it should not have',
};

export const jsonTypeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};
