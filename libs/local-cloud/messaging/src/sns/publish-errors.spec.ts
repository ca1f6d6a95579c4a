import {
  CreateTopicCommand,
  InvalidParameterException,
  InvalidParameterValueException,
  NotFoundException,
  PublishCommand,
  type PublishCommandInput,
  SNSServiceException,
} from '@aws-sdk/client-sns';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { type SnsFixture, ACCOUNT, REGION, orderStatus, startSns, subscription } from '../../test/sns/sns-fixture';

describe('Publish errors, as AWS answers them', () => {
  let sns: SnsFixture;

  beforeAll(async () => {
    sns = await startSns(
      [subscription({ name: 'notify', functionId: 'notifications.on' })],
      new ScriptedInvoker().script('notifications.on'),
    );
  });
  afterAll(() => sns.close());

  async function rejection(input: Partial<PublishCommandInput>): Promise<SNSServiceException> {
    const error = await sns.client
      .send(new PublishCommand({ TopicArn: orderStatus.arn, Message: 'hello', ...input }))
      .catch((caught: unknown) => caught);
    if (!(error instanceof SNSServiceException)) throw new Error(`expected an SNS error, got ${String(error)}`);
    return error;
  }

  it('answers NotFound (404) for a topic that does not exist', async () => {
    const error = await rejection({ TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:nope` });
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toBe('Topic does not exist');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.$fault).toBe('client');
  });

  it.each([
    ['an empty message', { Message: '' }, 'Invalid parameter: Empty message'],
    ['a message over 256 KiB', { Message: 'x'.repeat(262_145) }, 'Invalid parameter: Message too long'],
    [
      'a message whose attributes push it over 256 KiB',
      { Message: 'x'.repeat(262_140), MessageAttributes: { big: { DataType: 'String', StringValue: 'yy' } } },
      'Invalid parameter: Message too long',
    ],
    ['a malformed topic ARN', { TopicArn: 'not-an-arn' }, 'Invalid parameter: TopicArn'],
    ['an empty subject', { Subject: '' }, 'Invalid parameter: Subject'],
    [
      'a deduplication id on a standard topic',
      { MessageDeduplicationId: 'd-1' },
      'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type',
    ],
    [
      'a JSON structure without default',
      { MessageStructure: 'json', Message: '{"lambda":"x"}' },
      'Invalid parameter: Message Structure - No default entry in JSON message body',
    ],
    [
      'a JSON structure that does not parse',
      { MessageStructure: 'json', Message: '{' },
      'Invalid parameter: Message Structure - JSON message body failed to parse',
    ],
  ])('answers InvalidParameter (400) for %s', async (_case, input, message) => {
    const error = await rejection(input);
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it.each([
    [
      'an unsupported data type',
      { price: { DataType: 'Decimal', StringValue: '1' } },
      "The message attribute 'price' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    ],
    [
      'a Number that is not a number',
      { price: { DataType: 'Number', StringValue: 'ten' } },
      "Could not cast message attribute 'price' value to number.",
    ],
    [
      'an empty value',
      { note: { DataType: 'String', StringValue: '' } },
      "The message attribute 'note' must contain non-empty message attribute value for message attribute type 'String'.",
    ],
    [
      'a name with a forbidden character',
      { 'bad name': { DataType: 'String', StringValue: 'x' } },
      "Invalid non-alphanumeric character '#x20' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.",
    ],
  ])('answers ParameterValueInvalid (400) for %s', async (_case, MessageAttributes, message) => {
    const error = await rejection({ MessageAttributes });
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('accepts a MessageGroupId on a standard topic, as AWS now does for fair queues', async () => {
    await expect(
      sns.client.send(new PublishCommand({ TopicArn: orderStatus.arn, Message: 'm', MessageGroupId: 'tenant-1' })),
    ).resolves.toEqual(expect.objectContaining({ MessageId: expect.any(String) }));
  });

  it('accepts a topic ARN given as TargetArn, as AWS does for compatibility', async () => {
    await expect(sns.client.send(new PublishCommand({ TargetArn: orderStatus.arn, Message: 'm' }))).resolves.toEqual(
      expect.objectContaining({ MessageId: expect.any(String) }),
    );
  });

  it('accepts more than 10 attributes: only raw delivery to SQS has that limit', async () => {
    const MessageAttributes = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: String(i) }]),
    );
    await sns.client.send(new PublishCommand({ TopicArn: orderStatus.arn, Message: 'm', MessageAttributes }));
    await sns.delivery.whenIdle();
    const last = sns.invoker.calls.at(-1)?.event as { Records: { Sns: { MessageAttributes: object } }[] };
    expect(Object.keys(last.Records[0]!.Sns.MessageAttributes)).toHaveLength(12);
  });

  it('delivers nothing when a publish is refused', async () => {
    const before = sns.invoker.calls.length;
    await rejection({ Message: '' });
    await sns.delivery.whenIdle();
    expect(sns.invoker.calls).toHaveLength(before);
  });

  it('answers InvalidAction naming an unknown action, and says why a declaration action is missing', async () => {
    const post = (body: string) =>
      fetch(sns.server.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }).then(async (response) => ({
        status: response.status,
        text: await response.text(),
      }));
    const unknown = await post('Action=Frobnicate&Version=2010-03-31');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('<Code>InvalidAction</Code>');
    expect(unknown.text).toContain('The action Frobnicate is not valid for this web service.');
    const declared = await sns.client.send(new CreateTopicCommand({ Name: 'x' })).then(
      () => {
        throw new Error('CreateTopic should have failed');
      },
      (caught: unknown) => caught as SNSServiceException,
    );
    expect(declared.name).toBe('InvalidAction');
    expect(declared.message).toBe(
      "The action CreateTopic is not emulated by the local cloud: topics and subscriptions are declared in each service's events.yaml.",
    );
  });
});
