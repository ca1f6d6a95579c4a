import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { declaredSecret, SECRET_MAX_AGE_SECONDS } from './declared-secret';

jest.mock('@aws-lambda-powertools/parameters/secrets', () => ({ getSecret: jest.fn() }));
const readSecret = jest.mocked(getSecret);

describe('declaredSecret', () => {
  const variable = 'HARBOR_TEST_SECRET_NAME';
  afterEach(() => {
    delete process.env[variable];
    readSecret.mockReset();
  });

  it('reads the secret the variable names, cached for five minutes by default', async () => {
    process.env[variable] = 'harbor-test-orders-key';
    readSecret.mockResolvedValue('a'.repeat(32));
    await expect(declaredSecret(variable, { minLength: 32 })).resolves.toBe('a'.repeat(32));
    expect(readSecret).toHaveBeenCalledWith('harbor-test-orders-key', { maxAge: SECRET_MAX_AGE_SECONDS });
  });

  it('fails without reading when the variable is not set: a deployment mistake', async () => {
    await expect(declaredSecret(variable, { minLength: 32 })).rejects.toThrow(`${variable} is not set`);
    expect(readSecret).not.toHaveBeenCalled();
  });

  it.each([
    ['a short string', 'short'],
    ['a binary secret', new Uint8Array(64)],
  ])('refuses %s', async (_case, value) => {
    process.env[variable] = 'harbor-test-orders-weak';
    readSecret.mockResolvedValue(value as never);
    const refusal = declaredSecret(variable, { minLength: 32 });
    await expect(refusal).rejects.toThrow('harbor-test-orders-weak must be a string of at least 32 characters');
  });
});
