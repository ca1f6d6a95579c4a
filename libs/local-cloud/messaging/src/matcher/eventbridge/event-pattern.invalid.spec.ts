import { InvalidPatternError } from '../errors';
import { describeInvalidTable, type InvalidCase } from '../testing/match-table';
import { compileEventPattern } from './compile-event-pattern';

const structureCases: InvalidCase[] = [
  {
    rule: 'EventBridge PutRule: the pattern must be a JSON object',
    pattern: ['aws.ec2'],
    message: '"(root)": must be a JSON object, not ["aws.ec2"]',
    awsReason: 'Filter is not an object',
  },
  {
    rule: 'EventBridge PutRule: pattern text must be valid JSON',
    pattern: '{"source": [',
    message: '"(root)": is not valid JSON (Unexpected end of JSON input)',
  },
  {
    rule: 'EventBridge PutRule: an empty pattern object is rejected',
    pattern: {},
    message: '"(root)": an empty object is not allowed',
    awsReason: 'Empty objects are not allowed',
  },
  {
    rule: 'EventBridge PutRule: an empty nested object is rejected',
    pattern: { detail: {} },
    message: '"detail": an empty object is not allowed',
    awsReason: 'Empty objects are not allowed',
  },
  {
    rule: 'EventBridge PutRule: values to match are always in an array ("source": "aws.ec2" is rejected)',
    pattern: { source: 'aws.ec2' },
    message: '"source": must be an object or an array, not "aws.ec2"',
    awsReason: '"source" must be an object or an array',
  },
  {
    rule: 'EventBridge PutRule: an empty value array is rejected',
    pattern: { detail: { state: [] } },
    message: '"detail.state": an empty array is not allowed',
    awsReason: 'Empty arrays are not allowed',
  },
  {
    rule: 'EventBridge PutRule: match values are strings, numbers, true, false or null (no nested arrays)',
    pattern: { source: [['aws.ec2']] },
    message:
      '"source": ["aws.ec2"] is not a match value; use a string, a number, true, false, null or an operator object',
    awsReason: 'Match value must be String, number, true, false, or null',
  },
  {
    rule: 'EventBridge PutRule: an operator object holds exactly one operator',
    pattern: { source: [{ prefix: 'a', suffix: 'b' }] },
    message: '"source": an operator object holds exactly one operator, not "prefix", "suffix"',
    awsReason: 'Only one key allowed in match expression',
  },
  {
    rule: 'EventBridge PutRule: an empty operator object names no operator',
    pattern: { source: [{}] },
    message: '"source": an operator object holds exactly one operator, not none',
    awsReason: 'Match expression name not found',
  },
  {
    rule: 'EventBridge PutRule: unknown operators are rejected ("contains" is not an EventBridge operator)',
    pattern: { source: [{ contains: 'ec2' }] },
    message: '"source": unknown operator "contains"',
    awsReason: 'Unrecognized match type contains',
  },
  {
    rule: 'EventBridge quotas: "Event pattern size" is 2048 characters by default',
    pattern: { source: ['x'.repeat(2050)] },
    message: '"(root)": the pattern is 2065 characters; the "Event pattern size" quota allows 2048',
  },
];

const orCases: InvalidCase[] = [
  {
    rule: 'EventBridge PutRule: "$or" takes an array',
    pattern: { $or: { source: ['a'] } },
    message: '"$or": "$or" needs an array of at least two objects, not {"source":["a"]}',
    awsReason: 'It must be an Array followed with $or.',
  },
  {
    rule: 'EventBridge PutRule: "$or" needs at least two objects',
    pattern: { $or: [{ source: ['a'] }] },
    message: '"$or": "$or" needs at least two branches, got 1',
    awsReason: 'There must have at least 2 Objects in $or relationship.',
  },
  {
    rule: 'EventBridge PutRule: "$or" branches are objects',
    pattern: { $or: [{ source: ['a'] }, 'b'] },
    message: '"$or[1]": each "$or" branch must be an object, not "b"',
    awsReason: 'Only JSON object is allowed in array of $or relationship.',
  },
  {
    rule: 'EventBridge PutRule: operator names are reserved inside "$or" ({"numeric": ...} is not a key)',
    pattern: { $or: [{ numeric: [123] }, { prefix: ['abc'] }] },
    message: '"$or[0].numeric": "numeric" is an operator name and cannot be a key inside "$or"',
    awsReason: 'numeric is Ruler reserved fieldName which cannot be used inside $or.',
  },
  {
    rule: 'EventBridge PutRule: problems inside a "$or" branch name the branch',
    pattern: { $or: [{ source: ['a'] }, { detail: { n: [{ numeric: ['<'] }] } }] },
    message: '"$or[1].detail.n": numeric operator "<" needs a number, not undefined',
    awsReason: 'Value of < must be numeric',
  },
];

describeInvalidTable(
  'EventBridge PutRule validation: structure',
  compileEventPattern,
  InvalidPatternError,
  structureCases,
);
describeInvalidTable('EventBridge PutRule validation: $or', compileEventPattern, InvalidPatternError, orCases);

describe('EventBridge PutRule validation: quota option', () => {
  it('EventBridge quotas: "Event pattern size" can be raised to 4096 characters on request', () => {
    const pattern = { source: ['x'.repeat(3000)] };
    expect(() => compileEventPattern(pattern)).toThrow(InvalidPatternError);
    expect(compileEventPattern(pattern, { maxPatternLength: 4096 }).match({ source: 'x'.repeat(3000) })).toEqual({
      matched: true,
    });
  });

  it('EventBridge PutRule: the error is a domain error with a stable code and the details the emulator needs', () => {
    const error = (() => {
      try {
        compileEventPattern({ detail: { amount: [{ numeric: ['<', 'x'] }] } });
      } catch (thrown) {
        return thrown as InvalidPatternError;
      }
      throw new Error('expected a failure');
    })();
    expect(error.code).toBe('MATCHER.INVALID_EVENT_PATTERN');
    expect(error.kind).toBe('invalid');
    expect(error.details).toEqual({
      path: 'detail.amount',
      problem: 'numeric operator "<" needs a number, not "x"',
      awsReason: 'Value of < must be numeric',
    });
  });
});
