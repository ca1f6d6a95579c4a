import { invalidParameter, validationError } from './errors';
import { attributesByteSize, type MessageAttributes, readMessageAttributes } from './message-attributes';
import type { QueryParams } from './query-params';

/** SNS's limit on a message and its attributes, and on a whole PublishBatch. */
export const MAXIMUM_MESSAGE_BYTES = 262_144;

/** One validated publish (a Publish call, or one PublishBatch entry). */
export interface PublishInput {
  readonly message: string;
  readonly subject: string | undefined;
  readonly attributes: MessageAttributes;
  readonly messageStructure: 'json' | undefined;
  /** What a Lambda subscriber gets: the message, or with MessageStructure=json its `lambda` or `default` entry. */
  readonly lambdaMessage: string;
  readonly messageGroupId: string | undefined;
  /** Message and attribute bytes, counted against MAXIMUM_MESSAGE_BYTES. */
  readonly size: number;
}

const MESSAGE_GROUP_ID = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/;

/** Validates in AWS's order (as recorded against AWS by other emulators' snapshot tests) and answers its errors. */
export function readPublishInput(params: QueryParams): PublishInput {
  const subject = params.get('Subject');
  if (subject !== undefined) validateSubject(subject);
  const message = params.get('Message');
  if (message === undefined) {
    throw validationError(
      "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null",
    );
  }
  if (message.length === 0) throw invalidParameter('Invalid parameter: Empty message');
  const attributes = readMessageAttributes(params);
  const size = Buffer.byteLength(message) + attributesByteSize(attributes);
  if (size > MAXIMUM_MESSAGE_BYTES) throw invalidParameter('Invalid parameter: Message too long');
  if (params.has('MessageDeduplicationId')) {
    throw invalidParameter(
      'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type',
    );
  }
  const messageGroupId = params.get('MessageGroupId');
  if (messageGroupId !== undefined && !MESSAGE_GROUP_ID.test(messageGroupId)) {
    throw invalidParameter(
      'Invalid parameter: MessageGroupId Reason: MessageGroupId can contain up to 128 alphanumeric characters (a-z, A-Z, 0-9) and punctuation',
    );
  }
  const structure = params.get('MessageStructure');
  if (structure !== undefined && structure !== 'json') throw invalidParameter('Invalid parameter: MessageStructure');
  return {
    message,
    subject,
    attributes,
    messageStructure: structure,
    lambdaMessage: structure === 'json' ? lambdaEntry(message) : message,
    messageGroupId,
    size,
  };
}

function validateSubject(subject: string): void {
  // AWS: ASCII text, no line breaks or control characters, starting with a letter, number or punctuation, ≤ 100 chars.
  if (subject.length === 0 || subject.length > 100 || !/^[\x21-\x7e][\x20-\x7e]*$/.test(subject)) {
    throw invalidParameter('Invalid parameter: Subject');
  }
}

function lambdaEntry(message: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
  }
  const entries =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const forLambda = typeof entries['lambda'] === 'string' ? entries['lambda'] : entries['default'];
  if (typeof entries['default'] !== 'string' || typeof forLambda !== 'string') {
    throw invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
  }
  return forLambda;
}
