import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { startFakeEndpoint, type Answer } from '../../test/fake-endpoint';
import { ApiGatewayConnectionGateway } from './api-gateway.connection-gateway';

const message = {
  type: 'order.status' as const,
  orderId: '0b8e2c44-1111-4000-8000-000000000002',
  status: 'CONFIRMED' as const,
};

/** The @connections API answers as API Gateway does: 200, or an error typed in x-amzn-errortype. */
async function gatewayAnswering(answer: Answer) {
  const endpoint = await startFakeEndpoint(() => answer);
  const client = new ApiGatewayManagementApiClient({
    endpoint: `${endpoint.url}/v1`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    endpoint,
    gateway: new ApiGatewayConnectionGateway({ client }),
    close: async () => (client.destroy(), endpoint.close()),
  };
}

describe('ApiGatewayConnectionGateway (PostToConnection over HTTP)', () => {
  it('posts the message as JSON to the connection under the stage', async () => {
    const { endpoint, gateway, close } = await gatewayAnswering({ status: 200 });
    try {
      expect(await gateway.post('Zf3k=AcNj', message)).toBe('delivered');
      expect(endpoint.received).toEqual([
        { method: 'POST', path: '/v1/@connections/Zf3k%3DAcNj', body: JSON.stringify(message) },
      ]);
    } finally {
      await close();
    }
  });

  it('answers gone for a 410 GoneException', async () => {
    const { gateway, close } = await gatewayAnswering({
      status: 410,
      headers: { 'x-amzn-errortype': 'GoneException' },
      body: '{"message":"gone"}',
    });
    try {
      expect(await gateway.post('conn-1', message)).toBe('gone');
    } finally {
      await close();
    }
  });

  it('throws any other failure, so the delivery is retried', async () => {
    const { gateway, close } = await gatewayAnswering({
      status: 403,
      headers: { 'x-amzn-errortype': 'ForbiddenException' },
      body: '{"message":"Forbidden"}',
    });
    try {
      await expect(gateway.post('conn-1', message)).rejects.toMatchObject({ name: 'ForbiddenException' });
    } finally {
      await close();
    }
  });
});
