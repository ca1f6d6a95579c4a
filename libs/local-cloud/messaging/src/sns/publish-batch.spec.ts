import {
  BatchEntryIdsNotDistinctException,
  BatchRequestTooLongException,
  EmptyBatchRequestException,
  InvalidBatchEntryIdException,
  PublishBatchCommand,
  type PublishBatchRequestEntry,
  SNSServiceException,
  TooManyEntriesInBatchRequestException,
} from '@aws-sdk/client-sns';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { type SnsFixture, orderStatus, startSns, subscription } from '../../test/sns/sns-fixture';

describe('PublishBatch through the production SNS client', () => {
  let sns: SnsFixture;

  beforeAll(async () => {
    sns = await startSns(
      [subscription({ name: 'notify', functionId: 'notifications.on' })],
      new ScriptedInvoker().script('notifications.on'),
    );
  });
  afterAll(() => sns.close());
  beforeEach(() => sns.invoker.calls.splice(0));

  const batch = (entries: PublishBatchRequestEntry[]) =>
    sns.client.send(new PublishBatchCommand({ TopicArn: orderStatus.arn, PublishBatchRequestEntries: entries }));

  it('publishes the good entries and reports each bad one in Failed', async () => {
    const answer = await batch([
      { Id: 'first', Message: 'one', MessageAttributes: { correlationId: { DataType: 'String', StringValue: 'c-1' } } },
      { Id: 'empty', Message: '' },
      { Id: 'badNumber', Message: 'three', MessageAttributes: { n: { DataType: 'Number', StringValue: 'NaN-ish' } } },
      { Id: 'last', Message: 'four' },
    ]);
    expect(answer.Successful).toEqual([
      { Id: 'first', MessageId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { Id: 'last', MessageId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    expect(answer.Failed).toEqual([
      { Id: 'empty', Code: 'InvalidParameter', Message: 'Invalid parameter: Empty message', SenderFault: true },
      {
        Id: 'badNumber',
        Code: 'ParameterValueInvalid',
        Message: "Could not cast message attribute 'n' value to number.",
        SenderFault: true,
      },
    ]);
    await sns.delivery.whenIdle();
    const delivered = sns.invoker.calls.map(
      (call) => (call.event as { Records: { Sns: { Message: string; MessageId: string } }[] }).Records[0]!.Sns,
    );
    expect(delivered.map((message) => message.Message)).toEqual(['one', 'four']);
    expect(delivered.map((message) => message.MessageId)).toEqual(answer.Successful?.map((entry) => entry.MessageId));
    expect(sns.invoker.calls[0]?.correlationId).toBe('c-1');
  });

  async function rejection(entries: PublishBatchRequestEntry[]): Promise<SNSServiceException> {
    const error = await batch(entries).catch((caught: unknown) => caught);
    if (!(error instanceof SNSServiceException)) throw new Error(`expected an SNS error, got ${String(error)}`);
    return error;
  }

  it('refuses more than 10 entries', async () => {
    const entries = Array.from({ length: 11 }, (_, index) => ({ Id: `e${index}`, Message: 'm' }));
    const error = await rejection(entries);
    expect(error).toBeInstanceOf(TooManyEntriesInBatchRequestException);
    expect(error.message).toBe('The batch request contains more entries than permissible.');
  });

  it('refuses ids that are not distinct', async () => {
    const error = await rejection([
      { Id: 'same', Message: 'a' },
      { Id: 'same', Message: 'b' },
    ]);
    expect(error).toBeInstanceOf(BatchEntryIdsNotDistinctException);
    expect(error.message).toBe('Two or more batch entries in the request have the same Id.');
  });

  it('refuses an id with characters AWS does not allow', async () => {
    expect(await rejection([{ Id: 'no spaces', Message: 'a' }])).toBeInstanceOf(InvalidBatchEntryIdException);
  });

  it('refuses a batch whose messages total more than 256 KiB, publishing none of them', async () => {
    const error = await rejection([
      { Id: 'a', Message: 'x'.repeat(140_000) },
      { Id: 'b', Message: 'y'.repeat(140_000) },
    ]);
    expect(error).toBeInstanceOf(BatchRequestTooLongException);
    expect(error.message).toBe('The length of all the messages put together is more than the limit.');
    await sns.delivery.whenIdle();
    expect(sns.invoker.calls).toHaveLength(0);
  });

  it('refuses an empty batch', async () => {
    expect(await rejection([])).toBeInstanceOf(EmptyBatchRequestException);
  });
});
