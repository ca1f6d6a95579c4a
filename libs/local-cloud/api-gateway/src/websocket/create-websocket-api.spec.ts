import { GatewayDefinitionError } from '../core';
import { createWebSocketApi } from './create-websocket-api';
import { parseRouteSelection } from './definition/route-selection';
import { chatInvoker } from '../../test/websocket/support/chat-api';
import type { CreateWebSocketApiOptions } from './websocket-api.types';

const build = (overrides: Partial<CreateWebSocketApiOptions>) =>
  createWebSocketApi({
    name: 'chat',
    sourceFile: 'apps/chat/api/websocket.yaml',
    routes: { $connect: { function: 'chat.connect' } },
    invoker: chatInvoker(),
    ...overrides,
  });

describe('createWebSocketApi start-up checks', () => {
  it('lists its routes, the authorized one marked CUSTOM', async () => {
    const api = build({
      routes: { $connect: { function: 'chat.connect' }, sendMessage: { function: 'chat.sendMessage' } },
      authorizer: { function: 'chat.authorize' },
    });
    expect(api.routes()).toEqual([
      { routeKey: '$connect', functionId: 'chat.connect', authorization: 'CUSTOM' },
      { routeKey: 'sendMessage', functionId: 'chat.sendMessage', authorization: 'NONE' },
    ]);
    expect(api.stage).toBe('v1');
    await api.close();
  });

  it.each([
    [
      'a function the runtime does not know',
      { routes: { $default: { function: 'chat.ghost' } } },
      'GATEWAY.UNKNOWN_FUNCTION',
      'chat.ghost',
    ],
    [
      'an unknown special route key',
      { routes: { $other: { function: 'chat.default' } } },
      'GATEWAY.INVALID_DEFINITION',
      '$other',
    ],
    [
      'a route selection expression it cannot read',
      { routeSelectionExpression: '$request.header.action' },
      'GATEWAY.UNSUPPORTED_FEATURE',
      'routeSelectionExpression',
    ],
    [
      'an authorizer without $connect',
      { routes: { $default: { function: 'chat.default' } }, authorizer: { function: 'chat.authorize' } },
      'GATEWAY.INVALID_DEFINITION',
      'needs a $connect route',
    ],
    [
      'an identity source it cannot read',
      { authorizer: { function: 'chat.authorize', identitySources: ['context.requestId'] } },
      'GATEWAY.UNSUPPORTED_FEATURE',
      'context.requestId',
    ],
    [
      'an unknown authorizer function',
      { authorizer: { function: 'chat.nobody' } },
      'GATEWAY.UNKNOWN_FUNCTION',
      'chat.nobody',
    ],
  ])('refuses %s, naming the file and the feature', (_case, overrides, code, fragment) => {
    let caught: unknown;
    try {
      build(overrides as Partial<CreateWebSocketApiOptions>);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GatewayDefinitionError);
    expect((caught as GatewayDefinitionError).code).toBe(code);
    expect((caught as GatewayDefinitionError).message).toContain('apps/chat/api/websocket.yaml');
    expect((caught as GatewayDefinitionError).message).toContain(fragment);
  });
});

describe('parseRouteSelection', () => {
  it('reads the value at a body path of a JSON message', () => {
    const select = parseRouteSelection('$request.body.meta.type')!;
    expect(select('{"meta":{"type":"join"}}')).toBe('join');
    expect(select('{"meta":{"type":3}}')).toBe('3');
    expect(select('{"meta":{}}')).toBeUndefined();
    expect(select('not json')).toBeUndefined();
    expect(select('["meta"]')).toBeUndefined();
  });

  it('refuses expressions it does not read', () => {
    expect(parseRouteSelection('$request.header.x')).toBeUndefined();
    expect(parseRouteSelection('${request.body.action}')).toBeUndefined();
  });
});
