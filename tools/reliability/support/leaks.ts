/**
 * What an answer to a client must never show: a stack trace, an internal id (ARNs, physical resource names, table
 * keys, source paths) or an AWS service's own error. Returns the names of the leaks found in `text`.
 */
const LEAKS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['stack trace', /\n\s+at \S+ \(|\bat (?:async )?\S+ \([^)]*:\d+:\d+\)/],
  ['error class name', /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|ZodError)\b/],
  ['source path', /(?:\/[\w.-]+)+\.(?:ts|js|cjs|mjs):\d+/],
  ['ARN', /\barn:aws:[a-z0-9-]+:/],
  ['physical resource name', /\bharbor-[a-z0-9]+-[a-z0-9-]+/],
  ['table key', /\b(?:ORDER|CUSTOMER|SKU|RESERVATION|EVENT|OUTBOX)#/],
  [
    'AWS error',
    /\b(?:ConditionalCheckFailed|TransactionCanceled|ValidationException|ResourceNotFoundException|ProvisionedThroughputExceeded|AccessDenied|InvalidParameter|SerializationException|UnrecognizedClientException|ThrottlingException)/,
  ],
  ['DynamoDB expression', /\b(?:attribute_not_exists|attribute_exists|ConditionExpression|UpdateExpression)\b/],
];

export function leaksIn(text: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
