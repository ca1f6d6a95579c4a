import { randomUUID } from 'node:crypto';
import type { AwsServiceCall, AwsServiceDispatcher, AwsServiceReply } from './aws-service-dispatcher';

export interface SnsMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: string;
}

export interface SnsPublishParams {
  readonly message: string;
  readonly subject?: string;
  readonly messageStructure?: string;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
  readonly messageAttributes: Readonly<Record<string, SnsMessageAttribute>>;
}

export type SnsPublishOutcome =
  | { readonly ok: true; readonly messageId: string; readonly sequenceNumber?: string }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly type?: 'Sender' | 'Receiver';
    };

export type PublishToSns = (
  topicArn: string,
  params: SnsPublishParams,
  correlationId: string,
) => Promise<SnsPublishOutcome>;

const json = (status: number, body: unknown): AwsServiceReply => ({ status, body: JSON.stringify(body) });

const errorReply = (
  status: number,
  code: string,
  message: string,
  type: 'Sender' | 'Receiver' = 'Sender',
): AwsServiceReply => json(status, { Error: { Type: type, Code: code, Message: message }, RequestId: randomUUID() });

/** `MessageAttributes.entry.N.Name` / `.Value.DataType` / `.Value.StringValue` / `.Value.BinaryValue`, as the Query protocol encodes them. */
const messageAttributesOf = (params: Readonly<Record<string, string>>): Record<string, SnsMessageAttribute> => {
  const attributes: Record<string, SnsMessageAttribute> = {};
  for (let n = 1; params[`MessageAttributes.entry.${n}.Name`] !== undefined; n += 1) {
    const prefix = `MessageAttributes.entry.${n}.Value.`;
    const stringValue = params[`${prefix}StringValue`];
    const binaryValue = params[`${prefix}BinaryValue`];
    attributes[params[`MessageAttributes.entry.${n}.Name`]] = {
      DataType: params[`${prefix}DataType`] ?? '',
      ...(stringValue !== undefined ? { StringValue: stringValue } : {}),
      ...(binaryValue !== undefined ? { BinaryValue: binaryValue } : {}),
    };
  }
  return attributes;
};

/**
 * Adapts a plain `publishToSns(topicArn, params)` function to the dispatcher `aws` integrations call, answering
 * with the JSON SNS gives API Gateway (`PublishResponse` / `Error`) so integration responses map it as in AWS.
 */
export const snsPublishDispatcher =
  (publishToSns: PublishToSns): AwsServiceDispatcher =>
  async (call: AwsServiceCall): Promise<AwsServiceReply> => {
    if (call.service !== 'sns') return errorReply(400, 'InvalidAction', `The service ${call.service} is not emulated.`);
    if (call.action !== 'Publish')
      return errorReply(400, 'InvalidAction', `The action ${call.action} is not valid for this web service.`);
    const { params } = call;
    const topicArn = params['TopicArn'] ?? params['TargetArn'];
    if (!topicArn)
      return errorReply(
        400,
        'InvalidParameter',
        'Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter',
      );
    const message = params['Message'];
    if (message === undefined) {
      return errorReply(
        400,
        'ValidationError',
        "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null",
      );
    }
    const optional = (name: string): string | undefined => params[name];
    const outcome = await publishToSns(
      topicArn,
      {
        message,
        subject: optional('Subject'),
        messageStructure: optional('MessageStructure'),
        messageGroupId: optional('MessageGroupId'),
        messageDeduplicationId: optional('MessageDeduplicationId'),
        messageAttributes: messageAttributesOf(params),
      },
      call.correlationId,
    );
    if (!outcome.ok) return errorReply(outcome.status, outcome.code, outcome.message, outcome.type);
    return json(200, {
      PublishResponse: {
        PublishResult: { MessageId: outcome.messageId, SequenceNumber: outcome.sequenceNumber ?? null },
        ResponseMetadata: { RequestId: randomUUID() },
      },
    });
  };
