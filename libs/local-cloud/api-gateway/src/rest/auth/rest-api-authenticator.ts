/**
 * What the gateway needs from the local identity provider. The composition root wires these to
 * `@harbor/local-cloud-auth` (`verifyJwt`, `verifySigV4`); tests use fakes. Kept this small so the gateway does
 * not depend on how tokens or signatures are checked, only on the verdict.
 */
export type TokenVerification =
  | { readonly ok: true; readonly claims: Readonly<Record<string, unknown>> }
  /** 401 answers UNAUTHORIZED (the default); 403 (a missing scope) answers ACCESS_DENIED. */
  | { readonly ok: false; readonly reason: string; readonly statusCode?: 401 | 403 };

export interface CognitoTokenCheck {
  /** Issuer the token must come from (the resolved `providerARNs` entry, or the issuer derived from a pool ARN). */
  readonly issuer: string;
  /** The user pool ARN as written in the file, after placeholder resolution. */
  readonly providerArn: string;
  /** OAuth scopes the method lists in its security requirement; empty when the method names none. */
  readonly requiredScopes: readonly string[];
}

export interface SigV4Request {
  readonly method: string;
  /** Path and query string exactly as received (still percent-encoded, stage prefix included). */
  readonly url: string;
  /** Path as the client sent it (stage prefix included), without the query string. */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly query: string;
  /** Lower-cased header names; repeated headers joined with `,` as signing does. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly region: string;
  readonly service: 'execute-api';
}

export type SigV4Verification =
  | {
      readonly ok: true;
      readonly accessKeyId: string;
      readonly accountId?: string;
      readonly caller?: string;
      readonly user?: string;
      readonly userArn?: string;
    }
  | {
      readonly ok: false;
      /**
       * Chooses API Gateway's answer: `missing` MISSING_AUTHENTICATION_TOKEN, `expired` EXPIRED_TOKEN,
       * `invalid-signature` INVALID_SIGNATURE, anything else a 403 with the given message and error type.
       */
      readonly reason:
        'missing' | 'incomplete' | 'unknown-key' | 'wrong-scope' | 'expired' | 'invalid-signature' | 'not-emulated';
      /** The body's `message`, in AWS's words. */
      readonly message?: string;
      /** The `x-amzn-ErrorType` header (`UnrecognizedClientException`...). */
      readonly errorType?: string;
    };

export interface RestApiAuthenticator {
  /** Cognito user pool authorizer: is this ID or access token valid for the pool (and scopes)? */
  verifyCognitoToken(token: string, check: CognitoTokenCheck): Promise<TokenVerification>;
  /** `AWS_IAM` methods: is this request signed with the local credentials? */
  verifySigV4(request: SigV4Request): Promise<SigV4Verification>;
}
