import type { InvokeMessage, WorkerBootData } from './worker-protocol';

/** The `context` object of the Node.js runtime (the deprecated `done`/`succeed`/`fail` are not offered). */
export interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly identity: undefined;
  readonly clientContext: undefined;
  getRemainingTimeInMillis(): number;
}

export function createLambdaContext(boot: WorkerBootData, message: InvokeMessage): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: boot.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: boot.invokedFunctionArn,
    memoryLimitInMB: boot.memoryLimitInMB,
    awsRequestId: message.requestId,
    logGroupName: boot.logGroupName,
    logStreamName: boot.logStreamName,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(0, message.deadlineMs - Date.now()),
  };
}
