/**
 * What a hop carried (a Lambda event and result, an HTTP request and response, a message or event as delivered),
 * kept beside the hop so the console can show and replay it. Each part is capped so the trace's memory stays bounded
 * and a 6 MB event costs the trace no more than a small one.
 */

/** Bytes of JSON kept per payload part; a longer part keeps its first bytes as a `preview` string. */
export const PAYLOAD_PART_CAP_BYTES = 16 * 1024;

/** A part cut at the cap: the first `PAYLOAD_PART_CAP_BYTES` of its JSON text, and how long the whole was. */
export interface TruncatedPayloadPart {
  readonly truncated: true;
  readonly bytes: number;
  readonly preview: string;
}

/**
 * JSON text a caller already has (the Lambda runtime serialises every event for its worker, and gets every result
 * back as text): spliced into the hop as it is, never parsed or serialised again.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** A payload part as given to `record()`: a JSON value, or `JsonText`. `undefined` parts are left out. */
export type PayloadInput = Readonly<Record<string, unknown>>;

const REDACTED = '"[redacted]"';

/**
 * Keys whose values are credentials wherever they appear (headers of a request or response, a Lambda event's
 * `headers` and `multiValueHeaders`, an HTTP API event's `cookies`, a REST event's `identity.apiKey`, a TOKEN
 * authorizer's `authorizationToken`), plus any key naming a secret, password or token.
 */
const SENSITIVE_KEY = String.raw`"((?:proxy-)?authorization|(?:set-)?cookies?|x-api-key|apiKey|x-amz-security-token|[^"\\]*(?:secret|password|token)[^"\\]*)"`;
const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
// A sensitive key followed by a string, or an array of strings (multi-value headers, cookies).
const SENSITIVE_VALUE = new RegExp(
  `${SENSITIVE_KEY}\\s*:\\s*(?:${JSON_STRING}|\\[\\s*(?:${JSON_STRING}\\s*(?:,\\s*${JSON_STRING}\\s*)*)?\\])`,
  'gi',
);

/**
 * The JSON text with every credential's value replaced by `"[redacted]"`; the text's shape is unchanged. Keys inside
 * JSON-encoded strings (a body) are escaped and left alone: only a preview, cut before it is encoded, needs them.
 */
export function redactJson(text: string): string {
  return text.replace(SENSITIVE_VALUE, (_match, key: string) => `"${key}":${REDACTED}`);
}

/**
 * `,"payload":{...}` for the hop's JSON, or '' when no part is defined: each part kept whole when it fits the cap,
 * else as a redacted `TruncatedPayloadPart`. Whole parts are redacted when read (`redactJson` over this text).
 */
export function payloadJson(payload: PayloadInput): string {
  let parts = '';
  for (const key in payload) {
    const value = payload[key];
    if (value === undefined) continue;
    const part = isTruncatedPart(value)
      ? JSON.stringify(value)
      : capped(value instanceof JsonText ? value.text : JSON.stringify(value));
    parts += `${parts === '' ? '' : ','}${JSON.stringify(key)}:${part}`;
  }
  return parts === '' ? '' : `,"payload":{${parts}}`;
}

/**
 * The part as it will be kept: whole when it fits the cap, unredacted (the recorder redacts kept parts when it reads
 * them back, so the request path pays no scan). A longer part is cut here, and redacted first over its first twice
 * the cap only (a 6 MB event costs no more than a small one): a credential the cut goes through is still replaced,
 * which a preview redacted after the cut could not promise.
 */
function capped(text: string): string {
  // A UTF-8 character is at most 3 bytes per UTF-16 unit: a text this short fits without counting its bytes.
  if (text.length * 3 <= PAYLOAD_PART_CAP_BYTES) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes <= PAYLOAD_PART_CAP_BYTES) return text;
  return JSON.stringify(truncatedPart(redactJson(text.slice(0, 2 * PAYLOAD_PART_CAP_BYTES)), bytes));
}

function truncatedPart(text: string, bytes: number): TruncatedPayloadPart {
  // Cut on a character: a UTF-8 sequence split by the cap decodes to U+FFFD, dropped.
  const head = Buffer.from(text.slice(0, PAYLOAD_PART_CAP_BYTES)).subarray(0, PAYLOAD_PART_CAP_BYTES);
  return { truncated: true, bytes, preview: head.toString('utf8').replace(/\uFFFD$/, '') };
}

/**
 * An HTTP body as a payload part: its text, or its first bytes when it is longer than the cap (a 10 MB body is
 * never copied whole into a string).
 */
export function bodyPart(body: Buffer | string | undefined): string | TruncatedPayloadPart | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') {
    const bytes = body.length * 3 <= PAYLOAD_PART_CAP_BYTES ? body.length : Buffer.byteLength(body);
    return bytes <= PAYLOAD_PART_CAP_BYTES ? body : truncatedPart(body, bytes);
  }
  if (body.length <= PAYLOAD_PART_CAP_BYTES) return body.toString('utf8');
  const preview = body
    .subarray(0, PAYLOAD_PART_CAP_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return { truncated: true, bytes: body.length, preview };
}

/** Is this recorded part a cut one (so it cannot be replayed as it was)? */
export const isTruncatedPart = (part: unknown): part is TruncatedPayloadPart =>
  typeof part === 'object' && part !== null && (part as { truncated?: unknown }).truncated === true;
