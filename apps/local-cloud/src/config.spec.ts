import { ConfigError, DEFAULT_LOCAL_API_KEY, readConfig } from './config';

describe('readConfig', () => {
  it('uses the documented default endpoints and keeps data under .data', () => {
    const config = readConfig([], {}, '/repo');
    expect(config).toMatchObject({
      restPort: 3000,
      httpApiPort: 3001,
      websocketPort: 3002,
      awsPort: 4566,
      dynamodbPort: 8000,
    });
    expect(config.dataDir).toBe('/repo/.data/dynamodb');
    expect(config.fresh).toBe(false);
  });

  it('lets every endpoint be overridden by environment variables', () => {
    const config = readConfig([], { HARBOR_REST_PORT: '0', HARBOR_AWS_PORT: '14566' }, '/repo');
    expect(config.restPort).toBe(0);
    expect(config.awsPort).toBe(14566);
  });

  it('wipes data with --fresh and keeps it in memory with --in-memory', () => {
    expect(readConfig(['--fresh'], {}, '/repo').fresh).toBe(true);
    expect(readConfig(['--in-memory'], {}, '/repo').dataDir).toBeUndefined();
  });

  it('rejects a port that is not a port, naming the variable', () => {
    expect(() => readConfig([], { HARBOR_REST_PORT: 'abc' }, '/repo')).toThrow(
      new ConfigError('HARBOR_REST_PORT=abc is not a TCP port (0 picks a free one)'),
    );
  });

  it('gives the REST APIs a local API key, overridable but never shorter than API Gateway allows', () => {
    expect(readConfig([], {}, '/repo').apiKey).toBe(DEFAULT_LOCAL_API_KEY);
    expect(readConfig([], { HARBOR_API_KEY: 'partner-key-of-twenty-chars' }, '/repo').apiKey).toBe(
      'partner-key-of-twenty-chars',
    );
    expect(() => readConfig([], { HARBOR_API_KEY: 'short' }, '/repo')).toThrow(/HARBOR_API_KEY/);
  });

  it('rejects an unknown option instead of ignoring it', () => {
    expect(() => readConfig(['--fersh'], {}, '/repo')).toThrow(/unknown option --fersh/);
  });

  it('takes every port, the host and the data directory as flags, which win over their variables', () => {
    const config = readConfig(
      ['--rest-port', '13000', '--aws-port=14566', '--host', '::1', '--data-dir', '/d'],
      { HARBOR_REST_PORT: '3999' },
      '/repo',
    );
    expect(config).toMatchObject({ restPort: 13000, awsPort: 14566, host: '::1', dataDir: '/d' });
  });

  it('names the flag, not the variable, when a flag is not a port', () => {
    expect(() => readConfig(['--dynamodb-port', 'x'], {}, '/repo')).toThrow(
      new ConfigError('--dynamodb-port=x is not a TCP port (0 picks a free one)'),
    );
  });

  it('refuses a flag without its value', () => {
    expect(() => readConfig(['--rest-port'], {}, '/repo')).toThrow(/--rest-port/);
  });
});
