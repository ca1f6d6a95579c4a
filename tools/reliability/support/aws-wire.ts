import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { request, type HttpAnswer } from './clients';
import { physicalName, topicArn, type ReliabilityCloud } from './local-cloud';

/** SNS and EventBridge calls on the wire, as the AWS SDK makes them, but free to carry anything. */

/** The credentials the local cloud accepts (README: AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** SHA-256 on node:crypto (an HMAC when given a secret), in the shape @smithy/signature-v4 takes. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const binary = (data: SourceData): BinaryLike =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', binary(secret));
  }
  update(data: SourceData): void {
    this.hash.update(binary(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** The headers an AWS SDK would send for a POST of `body` to the AWS endpoint, SigV4-signed with `credentials`. */
export async function signedHeaders(
  cloud: ReliabilityCloud,
  service: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  credentials: Credentials = LOCAL_CREDENTIALS,
): Promise<Record<string, string>> {
  const url = new URL(cloud.endpoints.aws);
  const signer = new SignatureV4({ service, region: cloud.region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { ...headers, host: url.host },
    body,
  });
  return signed.headers;
}

/** A POST to the AWS endpoint, SigV4-signed for `service` with the local credentials. */
export async function signedAwsPost(
  cloud: ReliabilityCloud,
  service: string,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<HttpAnswer> {
  return request(cloud.endpoints.aws, {
    method: 'POST',
    headers: await signedHeaders(cloud, service, headers, body),
    body,
  });
}

export interface SnsAttribute {
  readonly DataType: string;
  readonly StringValue: string;
}

/** SNS Publish (Query protocol) to a topic, by logical name. */
export function snsPublish(
  cloud: ReliabilityCloud,
  topic: string,
  message: string,
  attributes: Readonly<Record<string, SnsAttribute>> = {},
): Promise<HttpAnswer> {
  const form = new URLSearchParams({
    Action: 'Publish',
    Version: '2010-03-31',
    TopicArn: topicArn(cloud, topic),
    Message: message,
  });
  Object.entries(attributes).forEach(([name, value], index) => {
    form.set(`MessageAttributes.entry.${index + 1}.Name`, name);
    form.set(`MessageAttributes.entry.${index + 1}.Value.DataType`, value.DataType);
    form.set(`MessageAttributes.entry.${index + 1}.Value.StringValue`, value.StringValue);
  });
  return signedAwsPost(cloud, 'sns', { 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
}

export interface PutEventsEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly EventBusName?: string;
  /** Epoch seconds, as the SDK writes timestamps in JSON 1.1. */
  readonly Time?: number;
  readonly Resources?: readonly string[];
}

/** EventBridge PutEvents (JSON 1.1) to the platform bus unless an entry names another. */
export function putEvents(
  cloud: ReliabilityCloud,
  entries: readonly PutEventsEntry[],
): Promise<HttpAnswer<{ FailedEntryCount: number; Entries: unknown[] }>> {
  const body = JSON.stringify({
    Entries: entries.map((entry) => ({ EventBusName: physicalName(cloud, 'events'), ...entry })),
  });
  return signedAwsPost(
    cloud,
    'events',
    { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents' },
    body,
  ) as Promise<HttpAnswer<{ FailedEntryCount: number; Entries: unknown[] }>>;
}
