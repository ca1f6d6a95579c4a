import type { Invoker } from '@harbor/local-cloud-lambda';
import { classifyInvokeFailure, type DeliveryFailure } from './delivery-failure';
import type { DeliveryRequest, DeliveryTarget } from './delivery-request';
import type { FaultInjector } from './faults/fault-injector';
import { thrownInvokeError } from './thrown-error';

export type AttemptResult =
  | { readonly ok: true; readonly durationMs: number; readonly requestId?: string }
  | { readonly ok: false; readonly durationMs: number; readonly requestId?: string; readonly failure: DeliveryFailure };

/** One attempt to hand the event to the function through the Lambda service's async invoke. */
export async function attemptDelivery(
  request: DeliveryRequest,
  invoker: Invoker,
  faults: FaultInjector,
): Promise<AttemptResult> {
  const { target } = request;
  if (serviceFault(request, faults)) {
    return failed(
      'service',
      'ServiceUnavailableException',
      `Injected fault: the Lambda service is unavailable to ${target.service}`,
    );
  }
  if (!invoker.has(target.functionId)) {
    return failed('client', 'ResourceNotFoundException', `Function not found: ${target.functionId}`);
  }
  if (faults.budgetFault(`${target.service}:${target.name}`, 'functionErrors', target.faults?.functionErrors ?? 0)) {
    return failed('function', 'InjectedFault', `Injected fault: ${target.functionId} failed`);
  }
  try {
    const outcome = await invoker.invoke({
      functionId: target.functionId,
      event: request.event,
      correlationId: request.correlationId,
      invocationType: 'Event',
    });
    if (outcome.ok) return { ok: true, durationMs: outcome.durationMs, requestId: outcome.requestId };
    return {
      ok: false,
      durationMs: outcome.durationMs,
      requestId: outcome.requestId,
      failure: classifyInvokeFailure(outcome),
    };
  } catch (error) {
    const { errorType, errorMessage } = thrownInvokeError(error);
    return failed('function', errorType, errorMessage);
  }
}

function failed(kind: DeliveryFailure['kind'], errorType: string, errorMessage: string): AttemptResult {
  return { ok: false, durationMs: 0, failure: { kind, errorType, errorMessage } };
}

/** The emitting service cannot reach the Lambda service: a fixed budget on the target, or a topic or rule fault. */
function serviceFault(request: DeliveryRequest, faults: FaultInjector): boolean {
  const { target } = request;
  if (faults.budgetFault(`${target.service}:${target.name}`, 'serviceErrors', target.faults?.serviceErrors ?? 0))
    return true;
  return serviceFaultOf(target, request.origin, faults);
}

function serviceFaultOf(target: DeliveryTarget, origin: string, faults: FaultInjector): boolean {
  switch (target.service) {
    case 'sns':
      return faults.topicFault(origin);
    case 'eventbridge':
      return faults.ruleFault(target.name);
    case 'scheduler':
      return faults.scheduleFault(target.name);
    case 'dynamodb':
    case 'lambda':
      return false;
  }
}
