import type { Invoker } from '@harbor/local-cloud-lambda';
import { classifyInvokeFailure, type DeliveryFailure } from './delivery-failure';
import type { DeliveryFaults, DeliveryRequest, DeliveryTarget } from './delivery-request';

export type AttemptResult =
  | { readonly ok: true; readonly durationMs: number; readonly requestId?: string }
  | { readonly ok: false; readonly durationMs: number; readonly requestId?: string; readonly failure: DeliveryFailure };

/** Counts injected faults per target, so "the first N attempts fail" holds across retries and redrives. */
export class FaultCounter {
  private readonly used = new Map<string, number>();

  consume(target: DeliveryTarget, kind: keyof DeliveryFaults): boolean {
    const budget = target.faults?.[kind] ?? 0;
    const key = `${target.service}:${target.name}:${kind}`;
    const used = this.used.get(key) ?? 0;
    if (used >= budget) return false;
    this.used.set(key, used + 1);
    return true;
  }
}

/** One attempt to hand the event to the function through the Lambda service's async invoke. */
export async function attemptDelivery(request: DeliveryRequest, invoker: Invoker, faults: FaultCounter): Promise<AttemptResult> {
  const { target } = request;
  if (faults.consume(target, 'serviceErrors')) {
    return failed('service', 'ServiceUnavailableException', `Injected fault: the Lambda service is unavailable to ${target.service}`);
  }
  if (!invoker.has(target.functionId)) {
    return failed('client', 'ResourceNotFoundException', `Function not found: ${target.functionId}`);
  }
  if (faults.consume(target, 'functionErrors')) {
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
    return { ok: false, durationMs: outcome.durationMs, requestId: outcome.requestId, failure: classifyInvokeFailure(outcome) };
  } catch (error) {
    // An invoker that throws instead of answering an outcome is treated like a failed run.
    const errorType = error instanceof Error ? error.name : 'Error';
    return failed('function', errorType, error instanceof Error ? error.message : String(error));
  }
}

function failed(kind: DeliveryFailure['kind'], errorType: string, errorMessage: string): AttemptResult {
  return { ok: false, durationMs: 0, failure: { kind, errorType, errorMessage } };
}
