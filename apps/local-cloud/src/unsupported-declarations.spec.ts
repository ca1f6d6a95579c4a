import { loadServiceDefinitions, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { join } from 'node:path';
import { assertEmulated, NotEmulated } from './unsupported-declarations';

const workspaceRoot = join(__dirname, '..', '..', '..');
const services = loadServiceDefinitions(workspaceRoot);
const orders = services.find((service) => service.name === 'orders')!;

/** The orders service with its outbox-relay mapping filtered by `pattern`. */
function withRelayFilter(pattern: Record<string, unknown>): ServiceDefinition {
  const relay = orders.events.streams['outbox-relay']!;
  return {
    ...orders,
    events: { ...orders.events, streams: { 'outbox-relay': { ...relay, filterPatterns: [pattern] } } },
  };
}

describe('assertEmulated', () => {
  it('accepts the declarations as they are, stream mappings included', () => {
    expect(Object.keys(orders.events.streams)).toEqual(['outbox-relay']);
    expect(() => assertEmulated(services, workspaceRoot)).not.toThrow();
  });

  it('stops start-up on a stream filter Lambda would not run, naming the file, the mapping and the operator', () => {
    const broken = withRelayFilter({ dynamodb: { Keys: { sk: { S: [{ wildcard: 'OUTBOX#*' }] } } } });
    const check = () => assertEmulated([broken], workspaceRoot);
    expect(check).toThrow(NotEmulated);
    expect(check).toThrow(
      'apps/orders/api/events.yaml: streams.outbox-relay: filterPatterns.0.dynamodb.Keys.sk.S: the "wildcard" operator is not supported by Lambda event filtering',
    );
  });

  it.each([
    ['a cron() expression', { expression: 'cron(0 12 * * ? *)' }, 'A cron() schedule expression'],
    ['a rate() expression', { expression: 'rate(5 minutes)' }, 'A rate() schedule expression'],
    ['a time zone other than UTC', { timezone: 'Europe/Paris' }, 'ScheduleExpressionTimezone Europe/Paris'],
    [
      'a flexible time window',
      { flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: 5 } },
      'FlexibleTimeWindow mode FLEXIBLE',
    ],
  ])(
    'stops start-up on a schedule group with %s, naming the file, the group and the feature',
    (_case, change, feature) => {
      const deadline = orders.schedules['payment-deadline']!;
      const broken = { ...orders, schedules: { 'payment-deadline': { ...deadline, ...change } } } as ServiceDefinition;
      const check = () => assertEmulated([broken], workspaceRoot);
      expect(check).toThrow(NotEmulated);
      expect(check).toThrow(
        `apps/orders/api/functions.yaml: schedules.payment-deadline: ${feature} is not supported by the local cloud (one-time at() schedules in UTC only)`,
      );
    },
  );
});
