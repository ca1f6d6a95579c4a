import { endpointNamed, parseEndpoints } from './local-cloud-process.mjs';

// What printEndpoints (apps/local-cloud) writes before its ready line; function logs may follow it.
const STARTUP = `
Harbor local cloud
  REST API                                       http://127.0.0.1:41001
    API key (x-api-key)                          harbor-local-api-key-0001
  HTTP API                                       http://127.0.0.1:41002
  WebSocket API                                  ws://127.0.0.1:41003
    notifications                                ws://127.0.0.1:41003/notifications
  AWS endpoint (SNS, EventBridge, @connections, DynamoDB for functions)  http://127.0.0.1:41004
  DynamoDB Local                                 http://127.0.0.1:41005
  Data                                           in memory

ready in 5.63 s
  orders.placeOrder  {"level":"INFO","message":"x"}  later
`;

describe('parseEndpoints', () => {
  it('reads every endpoint of the start-up table, the indented ones too, and nothing after the ready line', () => {
    expect(parseEndpoints(STARTUP)).toEqual({
      'REST API': 'http://127.0.0.1:41001',
      'API key (x-api-key)': 'harbor-local-api-key-0001',
      'HTTP API': 'http://127.0.0.1:41002',
      'WebSocket API': 'ws://127.0.0.1:41003',
      notifications: 'ws://127.0.0.1:41003/notifications',
      'AWS endpoint (SNS, EventBridge, @connections, DynamoDB for functions)': 'http://127.0.0.1:41004',
      'DynamoDB Local': 'http://127.0.0.1:41005',
    });
  });
});

describe('endpointNamed', () => {
  it('finds an endpoint by the stable start of its label, so a longer label does not break the bench', () => {
    expect(endpointNamed(parseEndpoints(STARTUP), 'AWS endpoint')).toBe('http://127.0.0.1:41004');
  });

  it('fails naming the labels it has when none or several match', () => {
    expect(() => endpointNamed(parseEndpoints(STARTUP), 'SNS endpoint')).toThrow(/found 0 among: REST API, /);
    expect(() => endpointNamed({ 'AWS a': 'x', 'AWS b': 'y' }, 'AWS')).toThrow(/found 2/);
  });
});
