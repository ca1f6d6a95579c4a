/** A percent-decoded path segment; undefined when its escapes are not UTF-8 (`%E0%A4%A`, a lone `%`). */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
