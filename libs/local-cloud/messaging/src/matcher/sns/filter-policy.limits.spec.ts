import { compileObjectRule } from '../compile/compile-rule';
import { InvalidFilterPolicyError } from '../errors';
import { describeInvalidTable, type InvalidCase } from '../testing/match-table';
import { compileFilterPolicy } from './compile-filter-policy';
import { combinations } from './filter-policy-limits';
import { snsDialect } from './sns.dialect';

const values = (count: number, prefix = 'value') => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

/** (source × metricName) + (source × metricType × metricId) + (source × metricType × spaceId) = 18 + 48 + 84. */
const OR_POLICY_AT_150 = {
  source: ['aws.cloudwatch', 'aws.events', 'aws.test'],
  $or: [
    { metricName: values(6, 'metric') },
    {
      metricType: values(4, 'type'),
      $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4, 5, 6, 7] }],
    },
  ],
};

/** The same shape with four sources: 24 + 64 + 64 = 152. */
const OR_POLICY_AT_152 = {
  source: values(4, 'aws.'),
  $or: [
    { metricName: values(6, 'metric') },
    { metricType: values(4, 'type'), $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4] }] },
  ],
};

/** Nested keys count their values times their depth: (3×4×2) + (3×4×6) + (2×4×2) + (2×4×6) = 160. */
const NESTED_OR_POLICY_AT_160 = {
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency', 'TestValue'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
  detail: {
    scope: ['Service', 'Test'],
    $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change', 'TestValue', 'TestValue2'] }],
  },
};

/** The documentation's nested example: key_c has four values three levels deep, key_e three values two deep. */
const DOCUMENTED_NESTED_POLICY = {
  key_a: { key_b: { key_c: ['value_one', 'value_two', 'value_three', 'value_four'] } },
  key_d: { key_e: ['value_one', 'value_two', 'value_three'] },
};

const limitCases: InvalidCase[] = [
  {
    rule: 'SNS filter policy constraints: the total combination of values must not exceed 150 (151 values on one key)',
    pattern: { key: values(151) },
    message: '"(root)": the policy has 151 combinations of values; SNS allows 150',
    awsReason: 'Filter policy is too complex',
  },
  {
    rule: 'SNS filter policy constraints: combinations multiply across keys (100 × 51)',
    pattern: { key1: values(100), key2: values(51) },
    message: '"(root)": the policy has 5100 combinations of values; SNS allows 150',
    awsReason: 'Filter policy is too complex',
  },
  {
    rule: 'SNS filter policy constraints: "$or" alternatives add up their combinations (24 + 64 + 64 = 152)',
    pattern: OR_POLICY_AT_152,
    message: '"(root)": the policy has 152 combinations of values; SNS allows 150',
    awsReason: 'Filter policy is too complex',
  },
  {
    rule: 'SNS filter policy constraints: a filter policy can have a maximum of five keys',
    pattern: { key1: ['v'], key2: ['v'], key3: ['v'], key4: ['v'], key5: ['v'], key6: ['v'] },
    message: '"(root)": SNS filter policies with the MessageAttributes scope can have at most 5 keys; this one has 6',
    awsReason: 'Filter policy can not have more than 5 keys',
  },
  {
    rule: 'SNS filter policy constraints: keys count in each "$or" alternative (5 shared keys plus one in a branch)',
    pattern: { k1: ['v'], k2: ['v'], k3: ['v'], k4: ['v'], k5: ['v'], $or: [{ k6: ['v'] }, { k7: ['v'] }] },
    message: '"(root)": SNS filter policies with the MessageAttributes scope can have at most 5 keys; this one has 6',
    awsReason: 'Filter policy can not have more than 5 keys',
  },
];

const nestedLimitCases: InvalidCase[] = [
  {
    rule: 'SNS filter policy constraints: nested keys count their values times their depth, summed over "$or" (160)',
    pattern: NESTED_OR_POLICY_AT_160,
    message: '"(root)": the policy has 160 combinations of values; SNS allows 150',
    awsReason: 'Filter policy is too complex',
  },
  {
    rule: 'SNS filter policy constraints: payload-based policies count top-level keys (six top-level keys)',
    pattern: { a: { x: ['v'] }, b: ['v'], c: ['v'], d: ['v'], e: ['v'], f: ['v'] },
    message: '"(root)": SNS filter policies can have at most 5 keys; this one has 6',
    awsReason: 'Filter policy can not have more than 5 keys',
  },
  {
    rule: 'SNS filter policy constraints: the maximum size of a filter policy is 256 KB',
    pattern: JSON.stringify({ key: [{ prefix: 'x'.repeat(262_144) }] }),
    message: '"(root)": the policy is 262167 bytes; SNS allows 262144 (256 KB)',
  },
];

describeInvalidTable(
  'SNS filter policy constraints (MessageAttributes)',
  (policy) => compileFilterPolicy(policy, 'MessageAttributes'),
  InvalidFilterPolicyError,
  limitCases,
);
describeInvalidTable(
  'SNS filter policy constraints (MessageBody)',
  (policy) => compileFilterPolicy(policy, 'MessageBody'),
  InvalidFilterPolicyError,
  nestedLimitCases,
);

describe('SNS filter policy constraints: policies at the limits are accepted', () => {
  it('SNS filter policy constraints: exactly 150 combinations with "$or" (18 + 48 + 84) is accepted', () => {
    const matcher = compileFilterPolicy(OR_POLICY_AT_150, 'MessageAttributes');
    const attributes = {
      source: { DataType: 'String', StringValue: 'aws.events' },
      metricType: { DataType: 'String', StringValue: 'type2' },
      spaceId: { DataType: 'Number', StringValue: '7' },
    };
    expect(matcher.match(attributes)).toEqual({ matched: true });
  });

  it('SNS filter policy constraints: the documented nested example counts 3 × 4 × 2 × 3 = 72 combinations', () => {
    const rule = compileObjectRule(DOCUMENTED_NESTED_POLICY, snsDialect('MessageBody'));
    expect(combinations(rule, 1)).toBe(72);
    expect(compileFilterPolicy(DOCUMENTED_NESTED_POLICY, 'MessageBody').keys).toEqual([
      'key_a.key_b.key_c',
      'key_d.key_e',
    ]);
  });

  it('SNS filter policy constraints: the documented flat example counts 3 × 1 × 2 = 6 combinations', () => {
    const policy = {
      key_a: ['value_one', 'value_two', 'value_three'],
      key_b: ['value_one'],
      key_c: ['value_one', 'value_two'],
    };
    expect(combinations(compileObjectRule(policy, snsDialect('MessageAttributes')), 1)).toBe(6);
  });

  it('SNS filter policy constraints: payload-based filtering does not count nested keys toward the five', () => {
    const policy = {
      state: ['SUCCESS'],
      severity: [{ exists: true }],
      message: [{ exists: true }],
      finding: { standard_control: [{ exists: true }], region: [{ exists: true }], account: [{ exists: true }] },
    };
    expect(compileFilterPolicy(policy, 'MessageBody').keys).toHaveLength(6);
  });
});
