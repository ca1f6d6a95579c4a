/**
 * The `$context` variables the emulator provides to mapping templates and gateway responses. `*` marks a
 * subtree whose keys come from the request (authorizer claims and context). A template naming anything else
 * (`$context.responseOverride`, `$context.wafResponseCode`...) fails at start-up.
 */
export type ContextCatalog = { readonly [name: string]: true | '*' | ContextCatalog };

const IDENTITY: ContextCatalog = {
  accessKey: true,
  accountId: true,
  apiKey: true,
  apiKeyId: true,
  caller: true,
  cognitoAuthenticationProvider: true,
  cognitoAuthenticationType: true,
  cognitoIdentityId: true,
  cognitoIdentityPoolId: true,
  principalOrgId: true,
  sourceIp: true,
  user: true,
  userAgent: true,
  userArn: true,
};

export const CONTEXT_VARIABLES: ContextCatalog = {
  accountId: true,
  apiId: true,
  authorizer: '*',
  domainName: true,
  domainPrefix: true,
  error: { message: true, messageString: true, responseType: true, validationErrorString: true },
  extendedRequestId: true,
  httpMethod: true,
  identity: IDENTITY,
  path: true,
  protocol: true,
  requestId: true,
  requestTime: true,
  requestTimeEpoch: true,
  resourceId: true,
  resourcePath: true,
  stage: true,
};

/** Checks a dotted `$context` path; returns the unsupported prefix, or undefined when supported. */
export const unsupportedContextPath = (names: readonly string[]): string | undefined => {
  let node: true | '*' | ContextCatalog = CONTEXT_VARIABLES;
  for (const [index, name] of names.entries()) {
    if (node === '*' || node === true) return node === '*' ? undefined : names.slice(0, index + 1).join('.');
    const next: true | '*' | ContextCatalog | undefined = Object.prototype.hasOwnProperty.call(node, name)
      ? node[name]
      : undefined;
    if (next === undefined) return names.slice(0, index + 1).join('.');
    node = next;
  }
  return undefined;
};
