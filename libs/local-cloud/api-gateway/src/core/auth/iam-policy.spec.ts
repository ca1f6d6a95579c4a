import { evaluatePolicy } from './iam-policy';

const arn = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders/42';
const statement = (Effect: string, Resource: string | string[], Action: string | string[] = 'execute-api:Invoke') => ({
  Effect,
  Resource,
  Action,
});

describe('evaluatePolicy', () => {
  it.each([
    [[statement('Allow', arn)], 'allow'],
    [[statement('Allow', 'arn:aws:execute-api:*:*:abc123/*/GET/orders/*')], 'allow'],
    [[statement('Allow', 'arn:aws:execute-api:*:*:abc123/prod/GET/orders/4?')], 'allow'],
    [[statement('Allow', '*', 'execute-api:*')], 'allow'],
    [[statement('Allow', 'arn:aws:execute-api:*:*:abc123/prod/POST/*')], 'implicit-deny'],
    [[statement('Allow', '*', 's3:GetObject')], 'implicit-deny'],
    [[statement('Allow', '*'), statement('Deny', [arn])], 'explicit-deny'],
  ])('%j -> %s', (statements, decision) => {
    expect(evaluatePolicy({ Version: '2012-10-17', Statement: statements }, arn)).toBe(decision);
  });

  it('accepts a single statement object and refuses what it cannot evaluate', () => {
    expect(evaluatePolicy({ Statement: statement('Allow', '*') }, arn)).toBe('allow');
    expect(evaluatePolicy({ Statement: [{ ...statement('Allow', '*'), Condition: {} }] }, arn)).toBeUndefined();
    expect(evaluatePolicy({ Statement: [{ Effect: 'Maybe', Resource: '*', Action: '*' }] }, arn)).toBeUndefined();
    expect(evaluatePolicy('nope', arn)).toBeUndefined();
  });
});
