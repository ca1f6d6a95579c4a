import { closeAll, fixture, specFor, startRuntime } from '../test/runtime-harness';
import { InvalidFunctionSpecError } from './errors';
import { createLambdaRuntime } from './lambda-runtime';
import { hostMismatches } from './node-runtime';

jest.setTimeout(20_000);
afterAll(closeAll);

const envKeys = ['AWS_EXECUTION_ENV', 'TZ'];

// AWS_EXECUTION_ENV is `AWS_Lambda_` and the runtime; TZ is `:UTC` unless the function sets it:
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
describe('createLambdaRuntime: the declared Node.js runtime (configuration-envvars.html)', () => {
  const deployed = specFor('deployed', fixture('context-env'));
  const older = specFor('older', fixture('context-env'), { runtime: 'nodejs20.x' });
  const zoned = specFor('zoned', fixture('context-env'), { environment: { TZ: 'Europe/Paris' } });
  const warnings: string[] = [];
  const { runtime } = startRuntime([deployed, older, zoned], { warn: (line) => warnings.push(line) });

  const envOf = async (functionId: string): Promise<unknown> => {
    const outcome = await runtime.invoke({ functionId, event: { keys: envKeys } });
    return outcome.ok ? (outcome.result as { env: unknown }).env : outcome.error;
  };

  it('reports the runtime Terraform deploys, nodejs22.x, when a function names none, and Lambda’s TZ', async () => {
    expect(await envOf(deployed.id)).toEqual({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', TZ: ':UTC' });
  });

  it('reports the runtime a function declares', async () => {
    expect(await envOf(older.id)).toEqual({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x', TZ: ':UTC' });
  });

  it('lets a function set its own TZ, as Lambda does, and says the zone stays UTC locally', async () => {
    expect(await envOf(zoned.id)).toEqual({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', TZ: 'Europe/Paris' });
    expect(warnings).toContainEqual(expect.stringContaining('fixtures.zoned declares TZ=Europe/Paris'));
  });

  it('warns, once at start, what this host cannot give the functions', () => {
    expect(warnings).toEqual(hostMismatches([deployed, older, zoned], process.version));
  });

  it('refuses a runtime that is not a Node.js one, naming the function and the field', () => {
    const python = specFor('python', fixture('trivial'), { runtime: 'python3.13' });
    expect(() => createLambdaRuntime({ functions: [python] })).toThrow(InvalidFunctionSpecError);
    expect(() => createLambdaRuntime({ functions: [python] })).toThrow(
      'Function fixtures.python is invalid: runtime: must be a Node.js Lambda runtime (nodejs<major>.x)',
    );
  });
});

describe('hostMismatches', () => {
  const specs = [
    specFor('a', fixture('trivial')),
    specFor('b', fixture('trivial'), { runtime: 'nodejs22.x' }),
    specFor('c', fixture('trivial'), { runtime: 'nodejs20.x' }),
  ];

  it('names the runtime, the host Node.js and how to fix it, once per runtime, when the majors differ', () => {
    const lines = hostMismatches(specs, 'v20.20.2');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('2 function(s) declare the Lambda runtime nodejs22.x (Node.js 22)');
    expect(lines[0]).toContain('runs on Node.js 20.20.2, so they run on Node.js 20 here (fixtures.a, fixtures.b)');
    expect(lines[0]).toContain('start the local cloud with Node.js 22');
  });

  it('says nothing for functions on the host’s major', () => {
    expect(hostMismatches([specs[2]], 'v20.19.0')).toEqual([]);
    expect(hostMismatches(specs.slice(0, 2), 'v22.23.5')).toEqual([]);
  });
});
