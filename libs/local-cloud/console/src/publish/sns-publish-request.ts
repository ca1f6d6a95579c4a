import type { AwsHttpRequest } from '@harbor/local-cloud-messaging';
import { messageText, type ConsoleMessage } from './console-message';

/**
 * The Query-protocol `Publish` request an SDK sends for this message: the emulator then validates (256 KiB,
 * attribute names and types, subject) and fans out exactly as for any other caller.
 */
export function snsPublishRequest(topicArn: string, message: ConsoleMessage): AwsHttpRequest {
  const form = new URLSearchParams({ Action: 'Publish', Version: '2010-03-31', TopicArn: topicArn });
  form.set('Message', messageText(message.body));
  if (message.subject !== undefined) form.set('Subject', message.subject);
  Object.entries(message.attributes).forEach(([name, attribute], index) => {
    const prefix = `MessageAttributes.entry.${index + 1}`;
    form.set(`${prefix}.Name`, name);
    form.set(`${prefix}.Value.DataType`, attribute.Type);
    const valueField = attribute.Type.startsWith('Binary') ? 'BinaryValue' : 'StringValue';
    form.set(`${prefix}.Value.${valueField}`, attribute.Value);
  });
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from(form.toString(), 'utf8'),
  };
}

const xmlText = (xml: string, element: string): string | undefined =>
  new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)?.[1]?.replace(/&(lt|gt|quot|apos|amp);/g, (_, name) => {
    const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    return entities[name as string] ?? '';
  });

/** The MessageId of a `PublishResponse`, or the `Code` and `Message` of an `ErrorResponse`. */
export function readSnsAnswer(xml: string): { messageId?: string; code?: string; message?: string } {
  const messageId = xmlText(xml, 'MessageId');
  if (messageId !== undefined) return { messageId };
  return { code: xmlText(xml, 'Code') ?? 'Unknown', message: xmlText(xml, 'Message') ?? xml };
}
