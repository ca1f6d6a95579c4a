import { dirname } from 'node:path';
import { InvalidFunctionSpecError } from './errors';
import type { LambdaFunctionSpec } from './lambda-function-spec';
import { runtimeOf } from './node-runtime';

/** Keys Lambda sets itself and refuses in a function's configuration. */
export const RESERVED_ENVIRONMENT_KEYS: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

export interface LambdaCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface EnvironmentSettings {
  readonly region: string;
  readonly credentials: LambdaCredentials;
  /** Variables every function gets (endpoints of the local services, Powertools settings...). */
  readonly sharedEnvironment: Readonly<Record<string, string>>;
}

/** Same refusal and message as Lambda's CreateFunction. */
export function assertNoReservedKeys(spec: LambdaFunctionSpec): void {
  const reserved = Object.keys(spec.environment).filter((key) => RESERVED_ENVIRONMENT_KEYS.has(key));
  if (reserved.length > 0) {
    throw new InvalidFunctionSpecError(
      `Function ${spec.id}: Lambda was unable to configure your environment variables because the environment variables ` +
        `you have provided contains reserved keys that are currently not supported for modification. ` +
        `Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
}

export const logGroupName = (spec: LambdaFunctionSpec): string => `/aws/lambda/${spec.name}`;

/**
 * The `process.env` one execution environment of the function sees: the host's PATH and LANG, Lambda's `TZ`, the
 * shared variables, the function's own, then what Lambda sets (which nothing may override). Never the host's
 * credentials: a handler that misses a local endpoint must not reach a real AWS account. Lambda's variables:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
export function buildLambdaEnvironment(
  spec: LambdaFunctionSpec,
  settings: EnvironmentSettings,
  logStreamName: string,
): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const key of ['PATH', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) inherited[key] = value;
  }
  const { credentials } = settings;
  return {
    ...inherited,
    // Lambda's default, which a function may set itself (the zone itself is the process's: see createLambdaRuntime).
    TZ: ':UTC',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...settings.sharedEnvironment,
    ...spec.environment,
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${runtimeOf(spec)}`,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(spec),
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    _HANDLER: `index.${spec.handlerExport ?? 'handler'}`,
    LAMBDA_TASK_ROOT: dirname(spec.handlerFile),
  };
}
