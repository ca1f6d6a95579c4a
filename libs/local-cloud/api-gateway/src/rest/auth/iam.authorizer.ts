import type { RestApiAuthenticator, SigV4Verification } from './rest-api-authenticator';
import type { AuthorizationOutcome, RouteAuthorizer } from './route-authorizer';

const failure = ({ reason, message, errorType }: Extract<SigV4Verification, { ok: false }>): AuthorizationOutcome => {
  const details = { ...(message ? { message } : {}), ...(errorType ? { errorType } : {}) };
  if (reason === 'missing') return { ok: false, error: { responseType: 'MISSING_AUTHENTICATION_TOKEN' } };
  if (reason === 'expired') return { ok: false, error: { responseType: 'EXPIRED_TOKEN', ...details } };
  if (reason === 'invalid-signature') return { ok: false, error: { responseType: 'INVALID_SIGNATURE', ...details } };
  const fallback =
    reason === 'unknown-key'
      ? { message: 'The security token included in the request is invalid.', errorType: 'UnrecognizedClientException' }
      : {};
  return { ok: false, error: { responseType: 'DEFAULT_4XX', status: 403, ...fallback, ...details } };
};

/**
 * `AWS_IAM`: the request must carry a SigV4 signature (header or query string) made with the local credentials;
 * no signature at all answers 403 Missing Authentication Token, as in AWS.
 */
export const iamAuthorizer = (authenticator: RestApiAuthenticator, region: string): RouteAuthorizer => ({
  type: 'AWS_IAM',
  name: 'AWS_IAM',
  async authorize(state) {
    const { headers, query, method, fullPath, body } = state.init;
    if (headers.get('authorization') === undefined && query.get('X-Amz-Signature') === undefined)
      return failure({ ok: false, reason: 'missing' });
    const url = query.raw ? `${fullPath}?${query.raw}` : fullPath;
    let verdict;
    try {
      verdict = await authenticator.verifySigV4({
        method,
        url,
        path: fullPath,
        query: query.raw,
        headers: headers.toLowerJoined(),
        body,
        region,
        service: 'execute-api',
      });
    } catch {
      return { ok: false, error: { responseType: 'AUTHORIZER_CONFIGURATION_ERROR' } };
    }
    if (!verdict.ok) return failure(verdict);
    state.addIdentity({
      accessKey: verdict.accessKeyId,
      accountId: verdict.accountId,
      caller: verdict.caller,
      user: verdict.user,
      userArn: verdict.userArn,
    });
    return { ok: true };
  },
});
