import { specFor } from '../test/runtime-harness';
import { InvalidFunctionSpecError } from './errors';
import { assertNoReservedKeys } from './lambda-environment';
import { validateFunctionSpecs } from './lambda-function-spec';
import { createLambdaRuntime } from './lambda-runtime';

const valid = specFor('valid', '/abs/valid.handler.ts');

describe('validateFunctionSpecs', () => {
  it('accepts a spec within Lambda limits', () => {
    expect(() => validateFunctionSpecs([valid])).not.toThrow();
  });

  it.each([
    [
      'an id that is not <service>.<key>',
      { id: 'placeOrder' },
      /Function placeOrder is invalid: id: must be <service>\.<functionKey>/,
    ],
    ['a relative handler path', { handlerFile: 'src/x.handler.ts' }, /handlerFile: must be an absolute path/],
    ['a timeout above 15 minutes', { timeoutSeconds: 901 }, /timeoutSeconds/],
    ['memory below 128 MB', { memoryMb: 64 }, /memoryMb/],
    ['a name longer than 64 characters', { name: 'n'.repeat(65) }, /name: must be 1 to 64/],
    ['an export that is not an identifier', { handlerExport: 'not-valid' }, /handlerExport: must be an identifier/],
  ])('rejects %s, naming the function and the field', (_case, change, message) => {
    expect(() => validateFunctionSpecs([{ ...valid, ...change }])).toThrow(InvalidFunctionSpecError);
    expect(() => validateFunctionSpecs([{ ...valid, ...change }])).toThrow(message);
  });

  it('rejects a function declared twice', () => {
    expect(() => validateFunctionSpecs([valid, valid])).toThrow(`Function ${valid.id} is declared twice`);
  });
});

describe('assertNoReservedKeys', () => {
  it("refuses variables Lambda reserves, with Lambda's message", () => {
    const spec = { ...valid, environment: { AWS_REGION: 'us-east-1', _HANDLER: 'x', OWN: 'fine' } };
    expect(() => assertNoReservedKeys(spec)).toThrow('Reserved keys used in this request: AWS_REGION, _HANDLER');
  });

  it('is applied when the runtime is created', () => {
    const spec = { ...valid, environment: { AWS_LAMBDA_FUNCTION_NAME: 'other' } };
    expect(() => createLambdaRuntime({ functions: [spec], hotReload: false })).toThrow(InvalidFunctionSpecError);
  });
});
