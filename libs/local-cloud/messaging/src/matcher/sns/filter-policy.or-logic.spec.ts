import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { attribute } from '../testing/sample-events';
import { compileFilterPolicy } from './compile-filter-policy';

const onAttributes = (policy: unknown) => compileFilterPolicy(policy, 'MessageAttributes');
const onBody = (policy: unknown) => compileFilterPolicy(policy, 'MessageBody');

const AND_POLICY = { customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] };
const STANDARD_OR = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
};

const attributeCases: MatchCase[] = [
  {
    rule: 'SNS: AND logic — customer_interests rugby and price_usd > 100 both hold',
    pattern: AND_POLICY,
    input: { customer_interests: attribute('String', 'rugby'), price_usd: attribute('Number', '150') },
    matched: true,
  },
  {
    rule: 'SNS: AND logic — price_usd of 50 fails the second condition',
    pattern: AND_POLICY,
    input: { customer_interests: attribute('String', 'rugby'), price_usd: attribute('Number', '50') },
    matched: false,
    path: 'price_usd',
  },
  {
    rule: 'SNS: OR logic — ["rugby", "football", "baseball"] matches "football"',
    pattern: { customer_interests: ['rugby', 'football', 'baseball'] },
    input: { customer_interests: attribute('String', 'football') },
    matched: true,
  },
  {
    rule: 'SNS: OR operator — "source" && ("metricName" || "namespace") matches source and metricName',
    pattern: STANDARD_OR,
    input: { source: attribute('String', 'aws.cloudwatch'), metricName: attribute('String', 'CPUUtilization') },
    matched: true,
  },
  {
    rule: 'SNS: OR operator — "source" && ("metricName" || "namespace") matches source and namespace',
    pattern: STANDARD_OR,
    input: { source: attribute('String', 'aws.cloudwatch'), namespace: attribute('String', 'AWS/EC2') },
    matched: true,
  },
  {
    rule: 'SNS: OR operator — "source" alone matches neither branch',
    pattern: STANDARD_OR,
    input: { source: attribute('String', 'aws.cloudwatch') },
    matched: false,
    path: '$or',
  },
  {
    rule: 'SNS: OR operator — a "$or" that is not an array of two or more objects is a regular attribute name',
    pattern: { $or: [{ prefix: 'abc' }] },
    input: { $or: attribute('String', 'abcdef') },
    matched: true,
  },
  {
    rule: 'SNS: OR operator — a "$or" with one object is a regular attribute name (so a message without it misses)',
    pattern: { $or: [{ prefix: 'abc' }] },
    input: { other: attribute('String', 'abcdef') },
    matched: false,
    path: '$or',
  },
];

const bodyCases: MatchCase[] = [
  {
    rule: 'SNS: OR operator — "$or" inside a nested body property: detail.scope && (detail.source || detail.type)',
    pattern: {
      detail: {
        scope: ['Service'],
        $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change'] }],
      },
    },
    input: JSON.stringify({ detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } }),
    matched: true,
  },
  {
    rule: 'SNS: OR operator — a miss in a nested "$or" is reported at "detail.$or"',
    pattern: {
      detail: {
        scope: ['Service'],
        $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change'] }],
      },
    },
    input: JSON.stringify({ detail: { scope: 'Service', type: 'Other' } }),
    matched: false,
    path: 'detail.$or',
  },
];

describeMatchTable('SNS filter policies (MessageAttributes): AND/OR logic', onAttributes, attributeCases);
describeMatchTable('SNS filter policies (MessageBody): AND/OR logic', onBody, bodyCases);
