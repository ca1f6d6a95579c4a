import { EventBridgeProtocolError } from './errors';

/** One `Entries` item as the JSON 1.1 body carries it (Time in epoch seconds). */
export interface PutEventsRequestEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly EventBusName?: string;
  readonly Resources?: readonly string[];
  readonly Time?: number;
  readonly TraceHeader?: string;
}

export interface AcceptedEntry {
  readonly source: string;
  readonly detailType: string;
  readonly detail: Record<string, unknown>;
  /** Name or ARN, `default` when absent. */
  readonly eventBusName: string;
  readonly resources: readonly string[];
  readonly time: Date;
}

export type EntryCheck =
  | { readonly ok: true; readonly entry: AcceptedEntry }
  | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

const STRING_FIELDS = ['Source', 'DetailType', 'Detail', 'EventBusName', 'TraceHeader'] as const;

/** Checks the body's shape; a wrong type is a protocol error for the whole call, as the service's parser answers. */
export function readEntry(value: unknown, index: number): PutEventsRequestEntry {
  const malformed = (field: string) =>
    new EventBridgeProtocolError(
      'SerializationException',
      `Entries[${index}].${field} is not of the type the PutEvents API defines`,
    );
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('(entry)');
  const entry = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    if (entry[field] !== undefined && typeof entry[field] !== 'string') throw malformed(field);
  }
  if (entry['Time'] !== undefined && typeof entry['Time'] !== 'number') throw malformed('Time');
  const resources = entry['Resources'];
  if (resources !== undefined && !(Array.isArray(resources) && resources.every((item) => typeof item === 'string')))
    throw malformed('Resources');
  return entry as PutEventsRequestEntry;
}

/** AWS's documented entry size: Time counts 14 bytes; Source, DetailType, Detail and each resource their UTF-8 bytes. */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time === undefined ? 0 : 14;
  for (const text of [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])]) {
    if (text !== undefined) size += Buffer.byteLength(text);
  }
  return size;
}

/** Per-entry checks: a failing entry is reported in the answer with AWS's ErrorCode and ErrorMessage, others go on. */
export function checkEntry(entry: PutEventsRequestEntry, now: Date): EntryCheck {
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (!entry[field]) {
      return {
        ok: false,
        errorCode: 'InvalidArgument',
        errorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
      };
    }
  }
  const source = entry.Source ?? '';
  if (source.startsWith('aws.')) {
    return { ok: false, errorCode: 'NotAuthorizedForSourceException', errorMessage: 'Not authorized for the source.' };
  }
  const detail = parseObject(entry.Detail ?? '');
  if (!detail) return { ok: false, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
  return {
    ok: true,
    entry: {
      source,
      detailType: entry.DetailType ?? '',
      detail,
      eventBusName: entry.EventBusName || 'default',
      resources: entry.Resources ?? [],
      time: entry.Time === undefined ? now : new Date(entry.Time * 1000),
    },
  };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
