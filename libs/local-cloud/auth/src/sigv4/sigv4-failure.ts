/** How API Gateway refuses an `AWS_IAM` request: 403, `x-amzn-ErrorType`, `{"message": ...}`. */
export type SigV4ErrorType =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException';

/** What was wrong, for a gateway choosing its response type (MISSING_AUTHENTICATION_TOKEN, EXPIRED_TOKEN...). */
export type SigV4FailureReason =
  'missing' | 'incomplete' | 'unknown-key' | 'wrong-scope' | 'expired' | 'invalid-signature' | 'not-emulated';

export interface SigV4Failure {
  readonly ok: false;
  readonly reason: SigV4FailureReason;
  readonly statusCode: 403;
  /** For the `x-amzn-ErrorType` response header. */
  readonly errorType: SigV4ErrorType;
  /** The `message` of the response body, in AWS's words. */
  readonly message: string;
}

export const sigV4Failure = (reason: SigV4FailureReason, errorType: SigV4ErrorType, message: string): SigV4Failure => ({
  ok: false,
  reason,
  statusCode: 403,
  errorType,
  message,
});

const REQUIRES: Readonly<Record<string, string>> = {
  Credential: "Authorization header requires 'Credential' parameter.",
  Signature: "Authorization header requires 'Signature' parameter.",
  SignedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  Date: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
};

export const incompleteSignature = (missing: readonly string[], authorization: string): SigV4Failure =>
  sigV4Failure(
    'incomplete',
    'IncompleteSignatureException',
    `${missing.map((name) => REQUIRES[name]).join(' ')} Authorization=${authorization}`,
  );

export const signatureMismatch = (canonicalRequest: string, stringToSign: string): SigV4Failure =>
  sigV4Failure(
    'invalid-signature',
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
      'and signing method. Consult the service documentation for details.\n\n' +
      `The Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
      `The String-to-Sign should have been\n'${stringToSign}'\n`,
  );
