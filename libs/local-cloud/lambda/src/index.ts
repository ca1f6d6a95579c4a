export type { Invoker, InvokeError, InvokeOutcome, InvokeRequest } from './invoker';
export { createLambdaRuntime, type LambdaRuntime, type LambdaRuntimeOptions } from './lambda-runtime';
export { validateFunctionSpecs, type LambdaFunctionSpec } from './lambda-function-spec';
export { RESERVED_ENVIRONMENT_KEYS, type LambdaCredentials } from './lambda-environment';
export type { BuildReport } from './lambda-function';
export { LOG_TAIL_BYTES } from './worker/log-tail';
export type { ReloadReport } from './function-source';
export { InvalidFunctionSpecError, UnknownFunctionError, WorkerEntryError } from './errors';
