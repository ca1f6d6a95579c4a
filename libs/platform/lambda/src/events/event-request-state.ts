import type { EventBridgeEvent } from 'aws-lambda';

export type AnyEventBridgeEvent = EventBridgeEvent<string, unknown>;

/** The validated detail of one event, kept beside the untouched event for the handler. */
const details = new WeakMap<AnyEventBridgeEvent, unknown>();

export function setValidatedDetail(event: AnyEventBridgeEvent, detail: unknown): void {
  details.set(event, detail);
}

export function validatedDetail(event: AnyEventBridgeEvent): unknown {
  return details.get(event);
}
