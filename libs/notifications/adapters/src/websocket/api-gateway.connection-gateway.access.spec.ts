import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { startFakeEndpoint } from '../../test/fake-endpoint';
import { ApiGatewayConnectionGateway } from './api-gateway.connection-gateway';
import { apiGatewayConnectionGatewayAccess as access } from './api-gateway.connection-gateway.access';

// Every command the gateway sends to an @connections endpoint, against what its descriptor declares.
const recorder = recordCommands(ApiGatewayManagementApiClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const message = {
  type: 'order.status' as const,
  orderId: '0b8e2c44-1111-4000-8000-000000000002',
  status: 'CONFIRMED' as const,
};

describe('ApiGatewayConnectionGateway sends exactly what apiGatewayConnectionGatewayAccess declares', () => {
  it('post (delivered, and gone)', async () => {
    let status = 200;
    const endpoint = await startFakeEndpoint(() =>
      status === 200
        ? { status }
        : { status, headers: { 'x-amzn-errortype': 'GoneException' }, body: '{"message":"gone"}' },
    );
    const client = new ApiGatewayManagementApiClient({
      endpoint: `${endpoint.url}/v1`,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    try {
      const gateway = new ApiGatewayConnectionGateway({ client });
      await meter.measure(() => gateway.post('conn-1', message));
      status = 410;
      await meter.measure(() => gateway.post('conn-2', message));
      expect(endpoint.received.map(({ method }) => method)).toEqual(['POST', 'POST']);
      expect(meter.accessed()).toEqual(describeDeclaredAccess(access.methods.post, {}));
    } finally {
      client.destroy();
      await endpoint.close();
    }
  });
});
