import { EventBridgeProtocolError, validationException } from './errors';
import type { EventBridgeContext, JsonBody } from './eventbridge-context';
import { routeEvent } from './event-routing';
import { checkEntry, entrySize, type PutEventsRequestEntry, readEntry } from './put-events-entry';

/** EventBridge's request limit since January 2026 (it was 256 KB): 1 MB of entries, sized as AWS documents. */
export const MAXIMUM_PUT_EVENTS_BYTES = 1_048_576;
const MAXIMUM_ENTRIES = 10;

type ResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/**
 * `PutEvents`: request-level problems fail the call (ValidationException); a bad entry fails alone with
 * ErrorCode/ErrorMessage, in request order, and FailedEntryCount counts them. Delivery runs after the answer.
 */
export function putEvents(
  body: JsonBody,
  context: EventBridgeContext,
): { FailedEntryCount: number; Entries: ResultEntry[] } {
  const raw = body['Entries'];
  if (raw === undefined || raw === null) {
    throw validationException(
      "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!Array.isArray(raw)) throw new EventBridgeProtocolError('SerializationException', 'Entries must be a list');
  const entries = raw.map(readEntry);
  if (entries.length === 0) {
    throw validationException(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > MAXIMUM_ENTRIES) {
    throw validationException(
      `1 validation error detected: Value '[${entries.map(describe).join(', ')}]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
  }
  if (entries.reduce((sum, entry) => sum + entrySize(entry), 0) > MAXIMUM_PUT_EVENTS_BYTES) {
    throw validationException('Total size of the entries in the request is over the limit.');
  }
  const now = context.now();
  const results = entries.map((entry): ResultEntry => {
    const check = checkEntry(entry, now);
    return check.ok
      ? { EventId: routeEvent(check.entry, context) }
      : { ErrorCode: check.errorCode, ErrorMessage: check.errorMessage };
  });
  return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
}

/** How AWS's validation message prints an entry. */
function describe(entry: PutEventsRequestEntry): string {
  const text = (value: unknown) => (value === undefined ? 'null' : String(value));
  return (
    `PutEventsRequestEntry(time=${text(entry.Time)}, source=${text(entry.Source)}, resources=${entry.Resources ? `[${entry.Resources.join(', ')}]` : 'null'}, ` +
    `detailType=${text(entry.DetailType)}, detail=${text(entry.Detail)}, eventBusName=${text(entry.EventBusName)}, traceHeader=${text(entry.TraceHeader)})`
  );
}
