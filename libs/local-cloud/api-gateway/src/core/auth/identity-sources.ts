/**
 * An authorizer's identity source (`method.request.header.Authorization`, `$request.header.Authorization`,
 * `route.request.querystring.token`...), compiled once: `read` takes it from a request of the API's type.
 * Each API type parses its own expressions; what they share is here.
 */
export interface IdentitySource<Args extends readonly unknown[]> {
  readonly expression: string;
  read(...args: Args): string | undefined;
}

/** API Gateway treats a missing and an empty or blank identity source alike: 401 without calling the authorizer. */
export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim().length === 0;

/** API Gateway accepts a token with or without the `Bearer ` scheme in front of it. */
export const stripBearer = (value: string): string => value.replace(/^Bearer\s+/i, '').trim();
