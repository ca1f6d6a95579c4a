/**
 * `x-amazon-apigateway-binary-media-types`: which media types API Gateway treats as binary (`image/png`,
 * `image/*`, `*\/*`). Proxy events carry such bodies base64-encoded.
 */
export class BinaryMediaTypes {
  private readonly patterns: readonly RegExp[];

  constructor(types: readonly string[]) {
    this.patterns = types.map(
      (type) =>
        new RegExp(
          `^${type
            .trim()
            .toLowerCase()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')}$`,
        ),
    );
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  matches(mediaType: string | undefined): boolean {
    if (!mediaType || this.patterns.length === 0) return false;
    const type = mediaType.split(';')[0].trim().toLowerCase();
    return this.patterns.some((pattern) => pattern.test(type));
  }

  /** For responses: does any media type the client accepts count as binary? */
  matchesAccept(accept: string | undefined): boolean {
    return accept !== undefined && accept.split(',').some((type) => this.matches(type));
  }
}
