import type { AwsHttpRequest } from '@harbor/local-cloud-messaging';
import { InvalidConsoleRequest } from '../errors';
import { isObject, messageText } from './console-message';

/** An event as the match box writes it: EventBridge's delivered shape, of which PutEvents takes these fields. */
export interface ConsoleEvent {
  readonly source: unknown;
  readonly detailType: unknown;
  readonly detail: unknown;
  readonly resources?: unknown;
}

export function readConsoleEvent(value: unknown): ConsoleEvent {
  if (!isObject(value))
    throw new InvalidConsoleRequest('"event" must be an object: { source, detail-type, detail, resources? }');
  return {
    source: value['source'],
    detailType: value['detail-type'],
    detail: value['detail'],
    ...(value['resources'] === undefined ? {} : { resources: value['resources'] }),
  };
}

/**
 * The JSON 1.1 `PutEvents` request an SDK sends with one entry. Fields are passed as given (a number for a source
 * stays a number) so the emulator answers AWS's own SerializationException or per-entry InvalidArgument.
 */
export function putEventsRequest(bus: string, event: ConsoleEvent): AwsHttpRequest {
  const entry = {
    EventBusName: bus,
    Source: event.source,
    DetailType: event.detailType,
    Detail: event.detail === undefined ? undefined : messageText(event.detail),
    ...(event.resources === undefined ? {} : { Resources: event.resources }),
  };
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents' },
    body: Buffer.from(JSON.stringify({ Entries: [entry] }), 'utf8'),
  };
}

/** The one entry's EventId, or its ErrorCode/ErrorMessage, or the call's `__type` and `message`. */
export function readEventBridgeAnswer(json: string): { eventId?: string; code?: string; message?: string } {
  const answer = JSON.parse(json) as {
    Entries?: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
    __type?: string;
    message?: string;
  };
  const entry = answer.Entries?.[0];
  if (entry?.EventId) return { eventId: entry.EventId };
  if (entry) return { code: entry.ErrorCode ?? 'Unknown', message: entry.ErrorMessage ?? '' };
  return { code: answer.__type ?? 'Unknown', message: answer.message ?? json };
}
