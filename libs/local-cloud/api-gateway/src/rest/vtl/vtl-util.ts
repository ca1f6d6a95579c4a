/**
 * `$util` of API Gateway mapping templates, matching the Java functions behind it: commons-lang's
 * escapeJavaScript and java.net.URLEncoder / URLDecoder.
 */
const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

const CONTROL_ESCAPES: Readonly<Record<number, string>> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

const textOf = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export const escapeJavaScript = (value: unknown): string => {
  const text = textOf(value);
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) out += `\\u${hex4(code)}`;
    else if (code < 32) out += CONTROL_ESCAPES[code] ?? `\\u${hex4(code)}`;
    else if (code === 0x22) out += '\\"';
    else if (code === 0x27) out += "\\'";
    else if (code === 0x5c) out += '\\\\';
    else if (code === 0x2f) out += '\\/';
    else out += text[index];
  }
  return out;
};

// URLEncoder keeps A-Z a-z 0-9 . - * _ and turns space into +; encodeURIComponent also keeps ! ' ( ) ~.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const urlEncode = (value: unknown): string =>
  encodeURIComponent(textOf(value).replace(LONE_SURROGATE, '?'))
    .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

export const urlDecode = (value: unknown): string => decodeURIComponent(textOf(value).replace(/\+/g, ' '));

export const base64Encode = (value: unknown): string => Buffer.from(textOf(value), 'utf8').toString('base64');

export const base64Decode = (value: unknown): string => Buffer.from(textOf(value), 'base64').toString('utf8');

export const parseJson = (value: unknown): unknown => JSON.parse(textOf(value));

export const VTL_UTIL_FUNCTIONS = [
  'escapeJavaScript',
  'urlEncode',
  'urlDecode',
  'base64Encode',
  'base64Decode',
  'parseJson',
] as const;

export const vtlUtil = { escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode, parseJson };
