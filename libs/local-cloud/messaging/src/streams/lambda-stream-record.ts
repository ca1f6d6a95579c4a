import type { AttributeValue, _Record } from '@aws-sdk/client-dynamodb-streams';

/** An attribute value as JSON carries it in Lambda's event (binary as base64 text, numbers as strings). */
export type LambdaAttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: readonly LambdaAttributeValue[] }
  | { readonly M: Readonly<Record<string, LambdaAttributeValue>> };

export type LambdaImage = Readonly<Record<string, LambdaAttributeValue>>;

/** One record of the event a stream mapping invokes its function with, field for field as Lambda sends it. */
export interface LambdaStreamRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly eventVersion: string;
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    /** Epoch seconds. */
    readonly ApproximateCreationDateTime: number;
    readonly Keys: LambdaImage;
    readonly NewImage?: LambdaImage;
    readonly OldImage?: LambdaImage;
    readonly SequenceNumber: string;
    readonly SizeBytes: number;
    readonly StreamViewType: string;
  };
  readonly eventSourceARN: string;
  /** Set for deletions by TTL: `{ type: 'Service', principalId: 'dynamodb.amazonaws.com' }`. */
  readonly userIdentity?: { readonly type: string; readonly principalId: string };
}

export interface RecordOrigin {
  readonly region: string;
  /** The stream's ARN as AWS would write it (DynamoDB Local's own names the region `ddblocal`). */
  readonly streamArn: string;
}

/** A record as GetRecords answered it (through the SDK) → the record Lambda hands the function. */
export function toLambdaStreamRecord(record: _Record, origin: RecordOrigin): LambdaStreamRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  return {
    eventID: record.eventID ?? '',
    eventName: (record.eventName ?? 'MODIFY') as LambdaStreamRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: origin.region,
    dynamodb: {
      ApproximateCreationDateTime: created ? Math.floor(created.getTime() / 1000) : Math.floor(Date.now() / 1000),
      Keys: toImage(stream.Keys ?? {}),
      ...(stream.NewImage ? { NewImage: toImage(stream.NewImage) } : {}),
      ...(stream.OldImage ? { OldImage: toImage(stream.OldImage) } : {}),
      SequenceNumber: stream.SequenceNumber ?? '',
      SizeBytes: stream.SizeBytes ?? 0,
      StreamViewType: stream.StreamViewType ?? 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: origin.streamArn,
    ...(record.userIdentity?.Type && record.userIdentity.PrincipalId
      ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } }
      : {}),
  };
}

function toImage(image: Record<string, AttributeValue>): LambdaImage {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function toLambdaValue(value: AttributeValue): LambdaAttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toImage(value.M) };
  throw new TypeError(`Unknown DynamoDB attribute value type: ${Object.keys(value).join(', ')}`);
}

/** The request a record belongs to: its image's `correlationId` string attribute, else the record's own id. */
export function correlationIdOf(record: LambdaStreamRecord): string {
  const fromImage = (image: LambdaImage | undefined) => {
    const value = image?.['correlationId'];
    return value && 'S' in value && value.S !== '' ? value.S : undefined;
  };
  return fromImage(record.dynamodb.NewImage) ?? fromImage(record.dynamodb.OldImage) ?? record.eventID;
}

/** AWS's ARN for a DynamoDB Local stream ARN: same table and label, this local cloud's region and account. */
export function awsStreamArn(localArn: string, region: string, accountId: string): string {
  const resource = /:(table\/[^/]+\/stream\/.+)$/.exec(localArn)?.[1];
  return resource ? `arn:aws:dynamodb:${region}:${accountId}:${resource}` : localArn;
}
