import { snsPublishDispatcher, type SnsPublishParams } from '../aws-services/sns-publish.dispatcher';
import { delay } from '@harbor/local-cloud-lambda/testing';
import { bodyJson, bodyText, httpRequest } from '../../../test/rest/support/requests';
import { createShopApi } from '../../../test/rest/support/shop-api';

const NASTY = JSON.stringify({
  note: 'He said "stop"\nthen left; 50% off & more = +1 #hashtag $price ${x} #if($a) \\ / \' 😀 ünïcødé 中文',
  lines: [{ sku: 'A-1', quantity: 2 }],
});

describe('aws integration to SNS Publish', () => {
  it('delivers a nasty body intact through $util.urlEncode($input.body)', async () => {
    const published: { topicArn: string; params: SnsPublishParams }[] = [];
    const dispatch = snsPublishDispatcher(async (topicArn, params) => {
      published.push({ topicArn, params });
      return { ok: true, messageId: 'm-42' };
    });
    const { api, awsCalls } = createShopApi({}, (call) => dispatch(call));
    const response = await api.handle(
      httpRequest('POST', '/v1/notify', { headers: { 'Content-Type': 'application/json' }, body: NASTY }),
    );
    expect(response.status).toBe(202);
    expect(bodyJson(response)).toEqual({ messageId: 'm-42', requestId: response.headers['x-amzn-RequestId'] });
    expect(published).toHaveLength(1);
    expect(published[0].topicArn).toBe('arn:aws:sns:us-east-1:123456789012:harbor-local-notices');
    expect(published[0].params.message).toBe(NASTY);
    expect(published[0].params.messageAttributes).toEqual({
      source: { DataType: 'String', StringValue: '203.0.113.9' },
    });
    expect(awsCalls[0]).toMatchObject({
      service: 'sns',
      action: 'Publish',
      region: 'us-east-1',
      credentials: 'arn:aws:iam::123456789012:role/harbor-local-notices-publish',
    });
  });

  it('selects the integration response by the status SNS answers', async () => {
    const { api } = createShopApi({}, () => ({
      status: 404,
      body: JSON.stringify({
        Error: { Type: 'Sender', Code: 'NotFound', Message: 'Topic does not exist' },
        RequestId: 'r',
      }),
    }));
    const notFound = await api.handle(
      httpRequest('POST', '/v1/notify', { headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    );
    expect(notFound.status).toBe(400);
    expect(bodyJson(notFound)).toEqual({ error: 'NotFound' });

    const failing = createShopApi({}, () => ({ status: 500, body: '{}' }));
    const failed = await failing.api.handle(
      httpRequest('POST', '/v1/notify', { headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    );
    expect(failed.status).toBe(500);
    expect(bodyJson(failed)).toEqual({ error: 'publish failed' });
  });

  it('refuses an unmapped content type with 415 when passthroughBehavior is never', async () => {
    const { api, awsCalls } = createShopApi();
    const response = await api.handle(
      httpRequest('POST', '/v1/notify', { headers: { 'Content-Type': 'text/plain' }, body: 'hi' }),
    );
    expect(response.status).toBe(415);
    expect(bodyJson(response)).toEqual({ message: 'Unsupported Media Type' });
    expect(awsCalls).toHaveLength(0);
  });

  it('answers 504 when the service does not answer within the integration timeout', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const { api } = createShopApi({}, async () => {
        await delay(60_000);
        return { status: 200, body: '{}' };
      });
      const pending = api.handle(
        httpRequest('POST', '/v1/notify', { headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      );
      await jest.advanceTimersByTimeAsync(29_001);
      const response = await pending;
      expect(response.status).toBe(504);
      expect(bodyText(response)).toBe('{"message": "Endpoint request timed out"}');
    } finally {
      jest.useRealTimers();
    }
  });
});
