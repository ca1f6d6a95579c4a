import { isJsonObject, type JsonObject, type JsonValue, showJson } from '../model/json';

/**
 * One message attribute as the Publish API takes it (`DataType`, `StringValue`, `BinaryValue`) or as SNS
 * delivers it in a notification (`Type`, `Value`).
 */
export interface SnsMessageAttribute {
  readonly DataType?: string;
  readonly StringValue?: string;
  readonly BinaryValue?: unknown;
  readonly Type?: string;
  readonly Value?: string;
}

export type AttributeDocumentResult =
  { readonly document: JsonObject } | { readonly name: string; readonly problem: string };

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The attributes as the JSON document a filter policy is matched against: a String is a string, a Number
 * is a number (compared numerically), a String.Array is its parsed JSON array (any element may match), and
 * Binary attributes are left out because SNS ignores them. Custom type labels (`Number.float`) keep the
 * base type's rules.
 */
export function attributeDocument(attributes: unknown): AttributeDocumentResult {
  if (!isJsonObject(attributes))
    return { name: '(root)', problem: `message attributes must be a map of attributes, not ${showJson(attributes)}` };
  const document: JsonObject = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const converted = attributeValue(attribute);
    if (converted.kind === 'invalid') return { name, problem: converted.problem };
    if (converted.kind === 'value') document[name] = converted.value;
  }
  return { document };
}

type ConvertedAttribute =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'invalid'; readonly problem: string };

function attributeValue(attribute: unknown): ConvertedAttribute {
  const shape = (isJsonObject(attribute) ? attribute : {}) as SnsMessageAttribute;
  const dataType = shape.DataType ?? shape.Type;
  const text = shape.StringValue ?? shape.Value;
  if (typeof dataType !== 'string') return invalid(`the attribute has no DataType (${showJson(attribute)})`);
  const baseType = dataType === 'String.Array' ? dataType : dataType.split('.')[0];
  if (baseType === 'Binary') return { kind: 'ignored' };
  if (typeof text !== 'string') return invalid(`the ${dataType} attribute has no StringValue`);
  if (baseType === 'String') return { kind: 'value', value: text };
  if (baseType === 'Number') {
    return NUMBER_TEXT.test(text.trim())
      ? { kind: 'value', value: Number(text) }
      : invalid(`"${text}" is not a Number value`);
  }
  if (baseType === 'String.Array') return parseStringArray(text);
  return invalid(`unknown attribute DataType "${dataType}" (String, String.Array, Number or Binary)`);
}

function invalid(problem: string): ConvertedAttribute {
  return { kind: 'invalid', problem };
}

function parseStringArray(text: string): ConvertedAttribute {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return { kind: 'value', value: parsed as JsonValue[] };
  } catch {
    // reported below
  }
  return invalid(`the String.Array value ${showJson(text)} is not a JSON array`);
}
