import { ConfigError, readConfig } from './config';

describe('HARBOR_FAULTS', () => {
  it('sets the fault configuration from the start, in the shape PUT /_local/faults takes', () => {
    const config = readConfig(
      [],
      { HARBOR_FAULTS: JSON.stringify({ seed: 4, delivery: { duplicates: { min: 1, max: 3 }, reorder: true } }) },
      '/repo',
    );
    expect(config.faults.seed).toBe(4);
    expect(config.faults.delivery).toEqual({ duplicates: { min: 1, max: 3 }, reorder: true });
  });

  it('means no faults when unset or empty', () => {
    expect(readConfig([], {}, '/repo').faults.functions).toEqual([]);
    expect(readConfig([], { HARBOR_FAULTS: ' ' }, '/repo').faults.tables).toEqual([]);
  });

  it('stops start-up naming the variable and the wrong field', () => {
    expect(() => readConfig([], { HARBOR_FAULTS: '{"tables":[{"probability":3}]}' }, '/repo')).toThrow(ConfigError);
    expect(() => readConfig([], { HARBOR_FAULTS: '{"tables":[{"probability":3}]}' }, '/repo')).toThrow(
      /HARBOR_FAULTS: .*tables\.0\.probability/,
    );
    expect(() => readConfig([], { HARBOR_FAULTS: '{oops' }, '/repo')).toThrow(/HARBOR_FAULTS is not JSON/);
  });
});
