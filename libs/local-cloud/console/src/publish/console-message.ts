import { InvalidConsoleRequest } from '../errors';

/** A message attribute as the match box writes it (the shape SNS delivers to Lambda: `{ Type, Value }`). */
export interface ConsoleAttribute {
  readonly Type: string;
  readonly Value: string;
}

/** What the console publishes: the body (text, or JSON sent as its text), attributes and an optional subject. */
export interface ConsoleMessage {
  readonly body: unknown;
  readonly attributes: Readonly<Record<string, ConsoleAttribute>>;
  readonly subject?: string;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text SNS is given: a string body as it is, anything else as its JSON. */
export const messageText = (body: unknown): string => (typeof body === 'string' ? body : JSON.stringify(body));

/** Reads `{ body, attributes?, subject? }`; shape errors are the caller's (400), limits are left to SNS itself. */
export function readConsoleMessage(value: unknown): ConsoleMessage {
  if (!isObject(value)) throw new InvalidConsoleRequest('"message" must be an object: { body, attributes?, subject? }');
  if (value['body'] === undefined) throw new InvalidConsoleRequest('"message.body" is required');
  const attributes = value['attributes'] ?? {};
  if (!isObject(attributes))
    throw new InvalidConsoleRequest('"message.attributes" must be an object of { Type, Value } by name');
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!isObject(attribute) || typeof attribute['Type'] !== 'string' || typeof attribute['Value'] !== 'string')
      throw new InvalidConsoleRequest(`message attribute ${JSON.stringify(name)} must be { Type, Value } of strings`);
  }
  const subject = value['subject'];
  if (subject !== undefined && typeof subject !== 'string')
    throw new InvalidConsoleRequest('"message.subject" must be a string');
  return {
    body: value['body'],
    attributes: attributes as Record<string, ConsoleAttribute>,
    ...(subject === undefined ? {} : { subject }),
  };
}
