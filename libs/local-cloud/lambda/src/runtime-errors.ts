import type { InvokeError } from './invoker';

/** AWS's texts for what the Lambda service, not the handler, reports. */
const seconds = (milliseconds: number): string => (milliseconds / 1000).toFixed(2);

export const timedOut = (requestId: string, elapsedMs: number): InvokeError => ({
  errorType: 'Sandbox.Timedout',
  errorMessage: `RequestId: ${requestId} Error: Task timed out after ${seconds(elapsedMs)} seconds`,
});

/** The log line Lambda writes when it stops an invocation at its timeout. */
export const timedOutLogLine = (requestId: string, elapsedMs: number): string =>
  `${new Date().toISOString()} ${requestId} Task timed out after ${seconds(elapsedMs)} seconds`;

export const exited = (requestId: string, exitCode: number): InvokeError => ({
  errorType: 'Runtime.ExitError',
  errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status ${exitCode}`,
});

export const outOfMemory = (requestId: string): InvokeError => ({
  errorType: 'Runtime.OutOfMemory',
  errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
});
