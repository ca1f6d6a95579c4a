// HTTP APIs have no binary media types setting: a body is passed as text only when its content type is
// textual, anything else (no content type included) arrives base64-encoded with `isBase64Encoded: true`.
const TEXT_TYPES =
  /^(text\/.+|application\/(json|xml|javascript|ecmascript|x-javascript|graphql|yaml|x-yaml)|application\/[^;]+\+(json|xml))$/;

export const isTextContentType = (contentType: string | undefined): boolean => {
  if (!contentType) return false;
  return TEXT_TYPES.test(contentType.split(';')[0].trim().toLowerCase());
};

export interface EncodedBody {
  /** Absent for an empty body, as in payload 2.0. */
  readonly body?: string;
  readonly isBase64Encoded: boolean;
}

export const encodeBody = (body: Buffer, contentType: string | undefined): EncodedBody => {
  if (body.length === 0) return { isBase64Encoded: false };
  return isTextContentType(contentType)
    ? { body: body.toString('utf8'), isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
};
