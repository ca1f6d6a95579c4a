import { verifyJwt, verifySigV4, type LocalIssuer } from '@harbor/local-cloud-auth';
import type { RestApiAuthenticator } from '@harbor/local-cloud-api-gateway';

/** The local credentials `AWS_IAM` routes accept, as the README tells users to sign with. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/**
 * Cognito user pool authorizers check tokens against the local issuer (its JWKS, issuer and client id):
 * an ID token when the method names no scopes, an access token with one of the scopes when it does, as AWS.
 */
export function localAuthenticator(issuer: LocalIssuer, region: string): RestApiAuthenticator {
  return {
    verifyCognitoToken: (token, check) =>
      verifyJwt(token, {
        issuer: issuer.issuerUrl,
        audience: issuer.clientId,
        requiredScopes: check.requiredScopes,
        tokenUse: check.requiredScopes.length > 0 ? 'access' : 'id',
        jwks: issuer.jwks,
      }),
    verifySigV4: (request) =>
      verifySigV4(request, { credentials: LOCAL_CREDENTIALS, region, service: request.service }),
  };
}
