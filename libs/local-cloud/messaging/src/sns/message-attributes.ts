import { parameterValueInvalid, validationError } from './errors';
import type { QueryParams } from './query-params';

/** A message attribute as published (`MessageAttributes.entry.N.Value.*`). */
export interface MessageAttribute {
  readonly dataType: string;
  readonly stringValue?: string;
  /** Base64, as the Query protocol carries it. */
  readonly binaryValue?: string;
}

export type MessageAttributes = Readonly<Record<string, MessageAttribute>>;

const ATTRIBUTE_NAME_CHARACTER = /^[A-Za-z0-9_.-]$/;
const SUPPORTED_TYPE = /^(String|Number|Binary)(\..+)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads and validates the attributes of one publish, answering AWS's errors for the first bad one. */
export function readMessageAttributes(params: QueryParams): MessageAttributes {
  const attributes: Record<string, MessageAttribute> = {};
  for (const entry of params.items('MessageAttributes', 'entry')) {
    const name = entry.get('Name') ?? '';
    validateName(name);
    const dataType = entry.get('Value.DataType');
    if (dataType === undefined) {
      throw validationError(
        `1 validation error detected: Value null at 'messageAttributes.${name}.member.dataType' failed to satisfy constraint: Member must not be null`,
      );
    }
    attributes[name] = readValue(name, dataType, entry);
  }
  return attributes;
}

function validateName(name: string): void {
  if (Buffer.byteLength(name) > 256)
    throw parameterValueInvalid('Length of message attribute name must be less than 256 bytes.');
  for (const char of name) {
    if (!ATTRIBUTE_NAME_CHARACTER.test(char)) {
      const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase();
      throw parameterValueInvalid(
        `Invalid non-alphanumeric character '#x${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
      );
    }
  }
  if (name.includes('..')) throw parameterValueInvalid("Message attribute name can not have successive '.' character.");
}

function readValue(name: string, dataType: string, entry: QueryParams): MessageAttribute {
  if (!SUPPORTED_TYPE.test(dataType)) {
    throw parameterValueInvalid(
      `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
    );
  }
  const empty = () =>
    parameterValueInvalid(
      `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`,
    );
  if (dataType.startsWith('Binary')) {
    const binaryValue = entry.get('Value.BinaryValue');
    if (binaryValue === undefined && entry.has('Value.StringValue')) {
      throw parameterValueInvalid(`The message attribute '${name}' with type '${dataType}' must use field 'Binary'.`);
    }
    if (!binaryValue) throw empty();
    return { dataType, binaryValue };
  }
  const stringValue = entry.get('Value.StringValue');
  if (!stringValue) throw empty();
  if (dataType.startsWith('Number') && !(NUMBER.test(stringValue) && Number.isFinite(Number(stringValue)))) {
    throw parameterValueInvalid(`Could not cast message attribute '${name}' value to number.`);
  }
  if (dataType === 'String.Array' && !isJsonArray(stringValue)) {
    // Harbor's wording: AWS rejects a String.Array that is not a JSON array, in words not published.
    throw parameterValueInvalid(`The message attribute '${name}' of type 'String.Array' must be a JSON array.`);
  }
  return { dataType, stringValue };
}

function isJsonArray(value: string): boolean {
  try {
    return Array.isArray(JSON.parse(value));
  } catch {
    return false;
  }
}

/** Bytes the attributes add to the message against the 256 KiB limit: name, type and value. */
export function attributesByteSize(attributes: MessageAttributes): number {
  let size = 0;
  for (const [name, attribute] of Object.entries(attributes)) {
    size += Buffer.byteLength(name) + Buffer.byteLength(attribute.dataType);
    size +=
      attribute.binaryValue !== undefined
        ? Buffer.from(attribute.binaryValue, 'base64').length
        : Buffer.byteLength(attribute.stringValue ?? '');
  }
  return size;
}

/** The `MessageAttributes` of an SNS notification as subscribers receive it: `{ name: { Type, Value } }`. */
export function deliveredAttributes(attributes: MessageAttributes): Record<string, { Type: string; Value: string }> {
  const delivered: Record<string, { Type: string; Value: string }> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    delivered[name] = { Type: attribute.dataType, Value: attribute.binaryValue ?? attribute.stringValue ?? '' };
  }
  return delivered;
}
