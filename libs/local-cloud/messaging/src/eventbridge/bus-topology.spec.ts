import { AsyncDelivery } from '../delivery';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { ACCOUNT, REGION, events, rule } from '../../test/eventbridge/eventbridge-fixture';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { InvalidEventBridgeDeclaration } from './errors';
import type { LocalEventBridgeOptions } from './eventbridge-specs';
import { LocalEventBridge } from './local-eventbridge';

describe('LocalEventBridge start-up checks', () => {
  const build = (overrides: Partial<LocalEventBridgeOptions>) => {
    const trace = new TraceRecorder();
    const delivery = new AsyncDelivery({ invoker: new ScriptedInvoker(), trace });
    const start = () =>
      new LocalEventBridge({
        buses: [events],
        rules: [],
        delivery,
        trace,
        region: REGION,
        accountId: ACCOUNT,
        env: 'test',
        ...overrides,
      });
    return { start, delivery };
  };

  it('names the rule whose event pattern is invalid', () => {
    const { start } = build({
      rules: [rule({ name: 'bad-pattern', functionId: 'a.b', eventPattern: { source: 'harbor.orders' } })],
    });
    expect(start).toThrow(InvalidEventBridgeDeclaration);
    expect(start).toThrow(/^Rule bad-pattern: invalid event pattern: /);
  });

  it('refuses retry policies outside what AWS accepts', () => {
    const pattern = { source: ['x'] };
    expect(
      build({
        rules: [
          rule({
            name: 'r',
            functionId: 'a.b',
            eventPattern: pattern,
            retryPolicy: { maximumRetryAttempts: 186, maximumEventAgeSeconds: 60 },
          }),
        ],
      }).start,
    ).toThrow('Rule r: maximumRetryAttempts must be an integer from 0 to 185, got 186');
    expect(
      build({
        rules: [
          rule({
            name: 'r',
            functionId: 'a.b',
            eventPattern: pattern,
            retryPolicy: { maximumRetryAttempts: 1, maximumEventAgeSeconds: 59 },
          }),
        ],
      }).start,
    ).toThrow('Rule r: maximumEventAgeSeconds must be an integer from 60 to 86400, got 59');
  });

  it('refuses a rule on a bus that is not declared, and a bus ARN that does not end in its name', () => {
    expect(
      build({ rules: [rule({ name: 'lost', functionId: 'a.b', eventPattern: { source: ['x'] }, bus: 'other' })] })
        .start,
    ).toThrow('Rule lost: bus other is not declared');
    expect(build({ buses: [{ name: 'one', arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/two` }] }).start).toThrow(
      'is not an event bus ARN',
    );
  });

  it('declares the dead-letter queue of every rule that has one', () => {
    const { start, delivery } = build({
      rules: [
        rule({ name: 'with-queue', functionId: 'a.b', eventPattern: { source: ['x'] } }),
        rule({ name: 'without', functionId: 'a.c', eventPattern: { source: ['x'] }, deadLetterQueue: false }),
      ],
    });
    start();
    expect(delivery.deadLetters.list()).toEqual([{ name: 'harbor-test-with-queue-dlq', messages: [] }]);
  });
});
