import type { LambdaFunctionSpec } from '@harbor/local-cloud-lambda';
import { findFunction } from './function-reference';

// The FunctionName formats of https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_RequestSyntax
const echo: LambdaFunctionSpec = {
  id: 'probe.echo',
  name: 'harbor-dev-probe-echo',
  handlerFile: '/x/echo.ts',
  timeoutSeconds: 3,
  memoryMb: 128,
  environment: {},
};
const where = { region: 'eu-west-1', accountId: '123456789012' };
const find = (reference: string, qualifier?: string) => findFunction(reference, qualifier, [echo], where);

describe('findFunction: the declared function an Invoke names', () => {
  it.each([
    'harbor-dev-probe-echo',
    '123456789012:function:harbor-dev-probe-echo',
    'arn:aws:lambda:eu-west-1:123456789012:function:harbor-dev-probe-echo:$LATEST',
  ])('finds %s', (reference) => {
    expect(find(reference)).toEqual({
      ok: true,
      spec: echo,
      arn: 'arn:aws:lambda:eu-west-1:123456789012:function:harbor-dev-probe-echo',
    });
  });

  it('does not find it in another account or region, or at a version other than $LATEST', () => {
    expect(find('999999999999:function:harbor-dev-probe-echo')).toMatchObject({
      ok: false,
      status: 404,
      message: 'Function not found: arn:aws:lambda:eu-west-1:999999999999:function:harbor-dev-probe-echo',
    });
    expect(find('arn:aws:lambda:us-east-1:123456789012:function:harbor-dev-probe-echo')).toMatchObject({
      ok: false,
      errorType: 'ResourceNotFoundException',
    });
    expect(find('harbor-dev-probe-echo', 'live')).toMatchObject({
      ok: false,
      message: 'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:harbor-dev-probe-echo:live',
    });
  });

  it('refuses a qualifier in the name that the Qualifier parameter contradicts, and a name outside the pattern', () => {
    expect(find('harbor-dev-probe-echo:$LATEST', '3')).toMatchObject({
      ok: false,
      status: 400,
      errorType: 'ValidationException',
    });
    expect(find('a/b')).toMatchObject({ ok: false, status: 400, errorType: 'ValidationException' });
    expect(find('x'.repeat(257))).toMatchObject({ ok: false, status: 400 });
  });
});
