/**
 * Percent-decodes a path segment, query part or connection id as API Gateway does (a `+` stays a plus); text
 * that is not valid percent-encoding is kept as received instead of failing the request.
 */
export const decodeOrKeep = (text: string): string => {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
