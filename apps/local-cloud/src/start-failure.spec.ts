import { readConfig } from './config';
import { explainStartFailure } from './start-failure';

const config = readConfig([], {}, '/repo');
const inUse = (port: number) =>
  Object.assign(new Error(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`), { code: 'EADDRINUSE', port });

describe('explainStartFailure', () => {
  it('names the listener and the flag and variable that move it when its port is in use', () => {
    expect(explainStartFailure(inUse(3001), config)).toBe(
      'port 3001 (HTTP APIs) is in use; choose another with --http-api-port <port> or HARBOR_HTTP_API_PORT=<port> (0 picks a free one)',
    );
  });

  it('reads a clash on 4566 as a LocalStack that may be running', () => {
    expect(explainStartFailure(inUse(4566), config)).toMatch(
      /4566 is also LocalStack's port: is LocalStack running\?.*--aws-port/,
    );
  });

  it("names DynamoDB Local's setting when its JVM could not bind", () => {
    const jvm = new Error(
      'DynamoDB Local exited (code 1) before answering:\njava.net.BindException: Address already in use',
    );
    expect(explainStartFailure(jvm, config)).toMatch(/port 8000 \(DynamoDB Local\) is in use.*HARBOR_DYNAMODB_PORT/);
  });

  it('passes any other failure through as it is', () => {
    expect(explainStartFailure(new Error('bad declaration'), config)).toBe('bad declaration');
  });
});
