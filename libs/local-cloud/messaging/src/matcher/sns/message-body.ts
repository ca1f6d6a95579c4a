import { isJsonObject, type JsonObject, showJson } from '../model/json';

export type MessageBodyResult = { readonly body: JsonObject } | { readonly problem: string };

/**
 * The body a MessageBody-scoped policy is matched against. It is the published message string (or an
 * already parsed object); a body that is not a JSON object never matches, as in SNS.
 */
export function messageBodyDocument(message: unknown): MessageBodyResult {
  if (isJsonObject(message)) return { body: message };
  if (typeof message !== 'string')
    return { problem: `the message body must be the published string, not ${showJson(message)}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return { problem: 'the message body is not JSON, so a MessageBody filter policy never matches it' };
  }
  return isJsonObject(parsed)
    ? { body: parsed }
    : { problem: `the message body is JSON but not an object (${showJson(parsed)})` };
}
