import { randomUUID } from 'node:crypto';
import type { InvokeError, InvokeOutcome, Invoker } from '@harbor/local-cloud-lambda';
import type { FaultInjector } from './fault-injector';
import type { FunctionFault } from './fault-config';

/** What the Lambda service reports for each injected function fault (the handler does not run). */
function injectedError(fault: FunctionFault['fault'], functionId: string, requestId: string): InvokeError {
  switch (fault) {
    case 'error':
      return { errorType: 'InjectedFault', errorMessage: `Injected fault: ${functionId} threw` };
    case 'timeout':
      return {
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${requestId} Error: Task timed out (injected fault)`,
      };
    case 'throttle':
      // The Invoke API's 429: async invocations go back to Lambda's queue and are retried on its throttle schedule.
      return { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded. (injected fault)' };
  }
}

/**
 * Wraps the Lambda runtime so every caller (gateway, SNS, EventBridge, stream mappings) meets the function faults
 * configured in the injector, exactly as it would meet a real failure of the function.
 */
export function faultInjectingInvoker(invoker: Invoker, faults: FaultInjector): Invoker {
  return {
    has: (functionId) => invoker.has(functionId),
    invoke: async (request): Promise<InvokeOutcome> => {
      if (!invoker.has(request.functionId)) return invoker.invoke(request);
      const fault = faults.functionFault(request.functionId);
      if (fault === undefined) return invoker.invoke(request);
      const requestId = randomUUID();
      return {
        ok: false,
        error: injectedError(fault, request.functionId, requestId),
        durationMs: 0,
        coldStart: false,
        requestId,
      };
    },
  };
}
