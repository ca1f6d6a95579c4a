import { request, type HttpAnswer } from './clients';
import { physicalName, topicArn, type ReliabilityCloud } from './local-cloud';

/** SNS and EventBridge calls on the wire, as the AWS SDK makes them, but free to carry anything. */

export interface SnsAttribute {
  readonly DataType: string;
  readonly StringValue: string;
}

/** SNS Publish (Query protocol) to a topic, by logical name. */
export function snsPublish(cloud: ReliabilityCloud, topic: string, message: string, attributes: Readonly<Record<string, SnsAttribute>> = {}): Promise<HttpAnswer> {
  const form = new URLSearchParams({ Action: 'Publish', Version: '2010-03-31', TopicArn: topicArn(cloud, topic), Message: message });
  Object.entries(attributes).forEach(([name, value], index) => {
    form.set(`MessageAttributes.entry.${index + 1}.Name`, name);
    form.set(`MessageAttributes.entry.${index + 1}.Value.DataType`, value.DataType);
    form.set(`MessageAttributes.entry.${index + 1}.Value.StringValue`, value.StringValue);
  });
  return request(cloud.endpoints.aws, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
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
export function putEvents(cloud: ReliabilityCloud, entries: readonly PutEventsEntry[]): Promise<HttpAnswer<{ FailedEntryCount: number; Entries: unknown[] }>> {
  const body = JSON.stringify({ Entries: entries.map((entry) => ({ EventBusName: physicalName(cloud, 'events'), ...entry })) });
  return request(cloud.endpoints.aws, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents' }, body });
}
