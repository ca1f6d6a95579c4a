import { InvalidFaultConfig } from '../errors';
import { NO_FAULTS, parseFaultConfig } from './fault-config';

describe('parseFaultConfig', () => {
  it('fills every omitted section so an empty object means no faults', () => {
    expect(parseFaultConfig({})).toEqual(NO_FAULTS);
    expect(NO_FAULTS).toEqual({
      functions: [],
      topics: [],
      rules: [],
      schedules: [],
      tables: [],
      streams: [],
      delivery: { reorder: false },
    });
  });

  it('accepts each kind of fault with a probability or a first-N trigger', () => {
    const config = parseFaultConfig({
      seed: 7,
      functions: [{ match: 'orders.*', fault: 'throttle', firstAttempts: 2 }],
      topics: [{ probability: 0.25 }],
      rules: [{ match: 'stock-outcome', firstAttempts: 1 }],
      tables: [{ match: 'harbor-local-orders', probability: 1 }],
      streams: [{ dropAfterRecords: 3, firstAttempts: 1 }],
      delivery: { duplicates: { min: 1, max: 3 }, reorder: true },
    });
    expect(config.tables).toEqual([
      { match: 'harbor-local-orders', probability: 1, error: 'ProvisionedThroughputExceededException' },
    ]);
    expect(config.delivery).toEqual({ duplicates: { min: 1, max: 3 }, reorder: true });
  });

  it.each([
    [{ functions: [{ fault: 'error' }] }, 'functions.0: give exactly one of probability'],
    [
      { functions: [{ fault: 'error', probability: 0.5, firstAttempts: 1 }] },
      'functions.0: give exactly one of probability',
    ],
    [{ functions: [{ fault: 'melt', probability: 1 }] }, 'functions.0.fault'],
    [{ topics: [{ probability: 1.5 }] }, 'topics.0.probability'],
    [{ tables: [{ firstAttempts: 0 }] }, 'tables.0.firstAttempts'],
    [{ tables: [{ firstAttempts: 1, error: 'SlowDown' }] }, 'tables.0.error'],
    [{ streams: [{ firstAttempts: 1 }] }, 'streams.0.dropAfterRecords'],
    [{ delivery: { duplicates: { min: 3, max: 1 } } }, 'delivery.duplicates: min must not exceed max'],
    [{ queues: [] }, '(root)'],
    [[], '(root)'],
  ])('refuses %j, naming %s', (input, named) => {
    expect(() => parseFaultConfig(input)).toThrow(InvalidFaultConfig);
    expect(() => parseFaultConfig(input)).toThrow(named);
  });
});
