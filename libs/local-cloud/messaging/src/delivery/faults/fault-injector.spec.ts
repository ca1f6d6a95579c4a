import { parseFaultConfig } from './fault-config';
import { FaultInjector, matches } from './fault-injector';

const injector = (config: unknown) => new FaultInjector(parseFaultConfig(config));

describe('FaultInjector', () => {
  it('injects nothing without a configuration', () => {
    const faults = new FaultInjector();
    expect(faults.functionFault('orders.placeOrder')).toBeUndefined();
    expect(faults.topicFault('harbor-local-order-status')).toBe(false);
    expect(faults.tableFault(['harbor-local-orders'])).toBeUndefined();
    expect(faults.copies('sns:x')).toBe(1);
    expect(faults.reorderDelayMs()).toBe(0);
    expect(faults.snapshot().total).toBe(0);
  });

  it('fails the first N attempts at each matching target, then lets them through, counting per target', () => {
    const faults = injector({ functions: [{ match: 'orders.*', fault: 'timeout', firstAttempts: 2 }] });
    const outcomes = [1, 2, 3].map(() => faults.functionFault('orders.placeOrder'));
    expect(outcomes).toEqual(['timeout', 'timeout', undefined]);
    expect(faults.functionFault('orders.cancelOrder')).toBe('timeout');
    expect(faults.functionFault('inventory.reserveStock')).toBeUndefined();
    expect(faults.snapshot().injected.functions).toEqual({ 'orders.placeOrder': 2, 'orders.cancelOrder': 1 });
    expect(faults.snapshot().total).toBe(3);
  });

  it('draws probabilities from the seed, so the same seed injects the same faults', () => {
    const run = () => {
      const faults = injector({ seed: 42, topics: [{ probability: 0.5 }] });
      return Array.from({ length: 40 }, () => faults.topicFault('harbor-local-order-status'));
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(5);
    expect(first.filter((fired) => !fired).length).toBeGreaterThan(5);
  });

  it('throttles a call touching any matching table with the configured error', () => {
    const faults = injector({
      tables: [{ match: 'harbor-local-inventory', error: 'ThrottlingException', firstAttempts: 1 }],
    });
    expect(faults.tableFault(['harbor-local-orders', 'harbor-local-inventory'])).toBe('ThrottlingException');
    expect(faults.tableFault(['harbor-local-orders', 'harbor-local-inventory'])).toBeUndefined();
    expect(faults.snapshot().injected.tables).toEqual({ 'harbor-local-inventory': 1 });
  });

  it('matches a stream fault on the function id, the mapping or the table, counting it under the function id', () => {
    const faults = injector({ streams: [{ match: 'harbor-local-orders', dropAfterRecords: 2, probability: 1 }] });
    expect(
      faults.streamFault({ functionId: 'orders.publishOutbox', mapping: 'outbox-relay', table: 'harbor-local-orders' }),
    ).toBe(2);
    expect(
      faults.streamFault({
        functionId: 'inventory.publishOutbox',
        mapping: 'outbox-relay',
        table: 'harbor-local-inventory',
      }),
    ).toBeUndefined();
    expect(faults.snapshot().injected.streams).toEqual({ 'orders.publishOutbox': 1 });
  });

  it('answers 1 to max copies in the duplicate mode, counting only the extra ones', () => {
    const faults = injector({ seed: 3, delivery: { duplicates: { min: 1, max: 3 }, reorder: true } });
    const copies = Array.from({ length: 60 }, () => faults.copies('sns:notify'));
    expect(new Set(copies)).toEqual(new Set([1, 2, 3]));
    expect(faults.snapshot().injected.duplicates).toEqual({ 'sns:notify': copies.reduce((sum, n) => sum + n - 1, 0) });
    // Duplicates are not faults: they do not count in the total.
    expect(faults.snapshot().total).toBe(0);
    const delays = Array.from({ length: 20 }, () => faults.reorderDelayMs());
    expect(Math.max(...delays)).toBeGreaterThan(0);
  });

  it('resets counters and first-N budgets when the configuration is replaced, but not fixed target budgets', () => {
    const faults = injector({ rules: [{ firstAttempts: 1 }] });
    expect(faults.ruleFault('stock-outcome')).toBe(true);
    expect(faults.budgetFault('eventbridge:stock-outcome', 'serviceErrors', 1)).toBe(true);
    faults.configure(parseFaultConfig({ rules: [{ firstAttempts: 1 }] }));
    expect(faults.snapshot().total).toBe(0);
    expect(faults.ruleFault('stock-outcome')).toBe(true);
    expect(faults.budgetFault('eventbridge:stock-outcome', 'serviceErrors', 1)).toBe(false);
    faults.clear();
    expect(faults.ruleFault('stock-outcome')).toBe(false);
  });

  it('reports the seed it drew when none was configured, so the run can be replayed', () => {
    const faults = injector({ topics: [{ probability: 0.5 }] });
    expect(Number.isInteger(faults.snapshot().seed)).toBe(true);
  });
});

describe('matches', () => {
  it.each([
    ['orders.placeOrder', 'orders.placeOrder', true],
    ['orders.placeOrder', 'orders.placeOrders', false],
    ['orders.*', 'orders.placeOrder', true],
    ['*-dlq', 'harbor-local-x-dlq', true],
    ['harbor-*-orders', 'harbor-local-inventory', false],
    ['a.b', 'axb', false],
  ])('%s against %s: %s', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected);
  });
});
