import type {
  CognitoTokenCheck,
  RestApiAuthenticator,
  SigV4Request,
  SigV4Verification,
  TokenVerification,
} from '../../../src/rest/auth/rest-api-authenticator';

/**
 * Tokens are `valid|<issuer>|<sub>[|<scope> <scope>...]` (`expired|…` is a well-signed token past its exp);
 * anything else is refused. SigV4 requests are valid
 * when their Authorization header names the `LOCALKEY` access key and carries `Signature=good`.
 */
export class FakeAuthenticator implements RestApiAuthenticator {
  readonly cognitoChecks: { token: string; check: CognitoTokenCheck }[] = [];
  readonly sigV4Requests: SigV4Request[] = [];

  constructor(private readonly extraClaims: Record<string, unknown> = {}) {}

  async verifyCognitoToken(token: string, check: CognitoTokenCheck): Promise<TokenVerification> {
    this.cognitoChecks.push({ token, check });
    const [kind, issuer, sub, scope = ''] = token.split('|');
    if (kind === 'expired' && issuer === check.issuer) return { ok: false, reason: 'expired' };
    if (kind !== 'valid' || issuer !== check.issuer) return { ok: false, reason: 'invalid token' };
    const scopes = scope.split(' ').filter(Boolean);
    if (!check.requiredScopes.every((required) => scopes.includes(required)))
      return { ok: false, reason: 'insufficient-scope', statusCode: 403 };
    return {
      ok: true,
      claims: {
        sub,
        iss: issuer,
        token_use: scope ? 'access' : 'id',
        ...(scope ? { scope } : {}),
        ...this.extraClaims,
      },
    };
  }

  async verifySigV4(request: SigV4Request): Promise<SigV4Verification> {
    this.sigV4Requests.push(request);
    const authorization = request.headers['authorization'] ?? '';
    if (authorization.includes('Credential=EXPIRED')) return { ok: false, reason: 'expired' };
    if (!authorization.includes('Credential=LOCALKEY')) return { ok: false, reason: 'unknown-key' };
    if (!authorization.includes('Signature=good')) return { ok: false, reason: 'invalid-signature' };
    return {
      ok: true,
      accessKeyId: 'LOCALKEY',
      accountId: '123456789012',
      userArn: 'arn:aws:iam::123456789012:user/local',
      caller: 'AIDALOCAL',
      user: 'AIDALOCAL',
    };
  }
}
