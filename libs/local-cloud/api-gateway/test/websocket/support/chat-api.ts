import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createWebSocketApi } from '../../../src/websocket/create-websocket-api';
import type { CreateWebSocketApiOptions, WebSocketApi } from '../../../src/websocket/websocket-api.types';
import { FakeInvoker, FunctionError } from '@harbor/local-cloud-lambda/testing';

export interface ChatApi {
  readonly api: WebSocketApi;
  readonly invoker: FakeInvoker;
  readonly trace: TraceRecorder;
}

const allow = (effect: 'Allow' | 'Deny', resource: string) => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
});

/**
 * A chat API with every route kind. The authorizer reads `?token=`: `good` is allowed (context tenant `acme`),
 * `denied` gets a Deny, `expired` throws Unauthorized, `broken` answers garbage.
 */
export const chatInvoker = (): FakeInvoker =>
  new FakeInvoker()
    .on('chat.authorize', (event) => {
      const token = (event['queryStringParameters'] as Record<string, string>)['token'];
      if (token === 'expired') throw new FunctionError('Error', 'Unauthorized');
      if (token === 'broken') return { nope: true };
      return {
        principalId: 'user-7',
        policyDocument: allow(token === 'good' ? 'Allow' : 'Deny', String(event['methodArn'])),
        context: { tenant: 'acme', tier: 2 },
      };
    })
    .on('chat.connect', (event) => {
      const query = (event['queryStringParameters'] ?? {}) as Record<string, string>;
      return { statusCode: query['refuse'] === 'yes' ? 403 : 200 };
    })
    .on('chat.disconnect', () => ({ statusCode: 200 }))
    .on('chat.sendMessage', (event) => {
      if (String(event['body']).includes('explode')) throw new FunctionError('TypeError', 'boom');
      return { statusCode: 200 };
    })
    .on('chat.default', () => ({ statusCode: 200 }));

export const createChatApi = (overrides: Partial<CreateWebSocketApiOptions> = {}, invoker = chatInvoker()): ChatApi => {
  const trace = new TraceRecorder();
  const api = createWebSocketApi({
    name: 'harbor-test-chat-ws',
    routes: {
      $connect: { function: 'chat.connect' },
      $disconnect: { function: 'chat.disconnect' },
      $default: { function: 'chat.default' },
      sendMessage: {
        function:
          'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat.sendMessage/invocations',
      },
    },
    authorizer: { function: 'chat.authorize', identitySources: ['route.request.querystring.token'] },
    invoker,
    trace,
    ...overrides,
  });
  return { api, invoker, trace };
};
