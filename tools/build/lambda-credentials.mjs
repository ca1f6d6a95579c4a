// Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (tools/build/lambda-bundle-options.mjs).
// Lambda gives every function its execution role's keys in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN ("Defined runtime environment variables",
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime), so the
// rest of the default chain (SSO, INI files, web identity, instance metadata and the STS/SSO clients they carry,
// about 130 KiB minified of every bundle) can never answer there. Without the keys a call fails with the SDK's own
// CredentialsProviderError ("Unable to find environment variable credentials"), never reading a profile.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
