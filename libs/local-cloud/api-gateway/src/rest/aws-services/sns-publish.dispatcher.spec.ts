import { snsPublishDispatcher } from './sns-publish.dispatcher';

const call = (params: Record<string, string>, action = 'Publish') => ({
  service: 'sns',
  region: 'us-east-1',
  action,
  params,
  credentials: 'role',
  correlationId: 'c',
});

describe('snsPublishDispatcher', () => {
  it('decodes Query parameters and answers with the JSON SNS gives API Gateway', async () => {
    const publish = jest.fn(async () => ({ ok: true as const, messageId: 'm1' }));
    const reply = await snsPublishDispatcher(publish)(
      call({
        TopicArn: 'arn:t',
        Message: 'hi',
        Subject: 's',
        'MessageAttributes.entry.1.Name': 'eventType',
        'MessageAttributes.entry.1.Value.DataType': 'String',
        'MessageAttributes.entry.1.Value.StringValue': 'X',
      }),
    );
    expect(publish).toHaveBeenCalledWith(
      'arn:t',
      expect.objectContaining({
        message: 'hi',
        subject: 's',
        messageAttributes: { eventType: { DataType: 'String', StringValue: 'X' } },
      }),
      'c',
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ PublishResponse: { PublishResult: { MessageId: 'm1' } } });
  });

  it.each([
    [call({ Message: 'hi' }), 400, 'InvalidParameter'],
    [call({ TopicArn: 'arn:t' }), 400, 'ValidationError'],
    [call({ TopicArn: 'arn:t', Message: 'x' }, 'CreateTopic'), 400, 'InvalidAction'],
  ])('answers AWS errors for bad requests (%#)', async (request, status, code) => {
    const reply = await snsPublishDispatcher(async () => ({ ok: true, messageId: 'never' }))(request);
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ Error: { Code: code, Type: 'Sender' } });
  });

  it("passes the publisher's failure on with its status", async () => {
    const reply = await snsPublishDispatcher(async () => ({
      ok: false,
      status: 404,
      code: 'NotFound',
      message: 'Topic does not exist',
    }))(call({ TopicArn: 'arn:t', Message: 'x' }));
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ Error: { Code: 'NotFound', Message: 'Topic does not exist' } });
  });
});
