import type { MiddlewareObj, Request } from '@middy/core';
import { toFieldErrors } from '@harbor/contracts';
import type { z } from 'zod';
import { InvalidEventError } from '../events/invalid-event.error';
import { setValidatedDetail, type AnyEventBridgeEvent } from '../events/event-request-state';

export interface EventDetailValidationOptions {
  readonly detailSchema: z.ZodType;
}

/** Validates an EventBridge event's `detail` against its contract; a mismatch throws InvalidEventError. */
export function eventDetailValidation(opts: EventDetailValidationOptions): MiddlewareObj<AnyEventBridgeEvent> {
  const options = { ...opts };
  const eventDetailValidationBefore = (request: Request<AnyEventBridgeEvent>): void => {
    const result = options.detailSchema.safeParse(request.event.detail);
    if (!result.success) throw new InvalidEventError(request.event['detail-type'], toFieldErrors(result.error));
    setValidatedDetail(request.event, result.data);
  };
  return { before: eventDetailValidationBefore };
}
