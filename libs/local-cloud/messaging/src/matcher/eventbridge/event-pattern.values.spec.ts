import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { EC2_TERMINATED_EVENT, eventWithDetail } from '../testing/sample-events';
import { compileEventPattern } from './compile-event-pattern';

const EC2_TERMINATION_PATTERN = {
  source: ['aws.ec2'],
  'detail-type': ['EC2 Instance State-change Notification'],
  detail: { state: ['terminated'] },
};

const cases: MatchCase[] = [
  {
    rule: 'EventBridge: event patterns — the EC2 instance-termination pattern matches the documented terminated event',
    pattern: EC2_TERMINATION_PATTERN,
    input: EC2_TERMINATED_EVENT,
    matched: true,
  },
  {
    rule: 'EventBridge: event patterns — every field in the pattern must match: state "running" is not "terminated"',
    pattern: EC2_TERMINATION_PATTERN,
    input: { ...EC2_TERMINATED_EVENT, detail: { state: 'running' } },
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: event patterns — fields the pattern does not name are ignored',
    pattern: { source: ['aws.ec2'] },
    input: { ...EC2_TERMINATED_EVENT, extra: { anything: [1, 2, 3] } },
    matched: true,
  },
  {
    rule: 'EventBridge: event patterns — the event must contain every field name in the pattern (missing detail.state)',
    pattern: EC2_TERMINATION_PATTERN,
    input: { ...EC2_TERMINATED_EVENT, detail: {} },
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: event patterns — field names must sit in the same nested structure (state at the top level is not detail.state)',
    pattern: { detail: { state: ['terminated'] } },
    input: { source: 'aws.ec2', state: 'terminated' },
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: matching on multiple field values — "source": ["aws.ec2", "aws.fargate"] matches aws.fargate',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    input: { ...EC2_TERMINATED_EVENT, source: 'aws.fargate' },
    matched: true,
  },
  {
    rule: 'EventBridge: matching on multiple field values — "source": ["aws.ec2", "aws.fargate"] does not match aws.s3',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    input: { ...EC2_TERMINATED_EVENT, source: 'aws.s3' },
    matched: false,
    path: 'source',
  },
  {
    rule: 'EventBridge: values are matched character by character and case-sensitively ("AWS.EC2" is not "aws.ec2")',
    pattern: { source: ['aws.ec2'] },
    input: { ...EC2_TERMINATED_EVENT, source: 'AWS.EC2' },
    matched: false,
    path: 'source',
  },
  {
    rule: 'EventBridge: arrays — "resources" matches when the event array and the pattern array intersect',
    pattern: { resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0', 'arn:other'] },
    input: {
      ...EC2_TERMINATED_EVENT,
      resources: ['arn:unrelated', 'arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
    },
    matched: true,
  },
  {
    rule: 'EventBridge: arrays — no common value between the event array and the pattern array is a miss',
    pattern: { resources: ['arn:a', 'arn:b'] },
    input: { ...EC2_TERMINATED_EVENT, resources: ['arn:c', 'arn:d'] },
    matched: false,
    path: 'resources',
  },
  {
    rule: 'EventBridge: arrays — an empty event array offers no value to match',
    pattern: { resources: ['arn:a'] },
    input: { ...EC2_TERMINATED_EVENT, resources: [] },
    matched: false,
    path: 'resources',
  },
  {
    rule: 'EventBridge: arrays — nested event arrays are flattened ([["a"], ["b", "c"]] offers "c")',
    pattern: { detail: { tags: ['c'] } },
    input: eventWithDetail({ tags: [['a'], ['b', 'c']] }),
    matched: true,
  },
  {
    rule: 'EventBridge: numbers — the pattern value 300 matches the event number 3.0e2 (numeric equality)',
    pattern: { detail: { 'x-limit': [300] } },
    input: eventWithDetail({ 'x-limit': 3.0e2 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numbers — the pattern number 300 does not match the string "300"',
    pattern: { detail: { 'x-limit': [300] } },
    input: eventWithDetail({ 'x-limit': '300' }),
    matched: false,
    path: 'detail.x-limit',
  },
  {
    rule: 'EventBridge: strings — the pattern string "300" does not match the number 300',
    pattern: { detail: { 'x-limit': ['300'] } },
    input: eventWithDetail({ 'x-limit': 300 }),
    matched: false,
    path: 'detail.x-limit',
  },
  {
    rule: 'EventBridge: JSON literals — true matches the boolean true',
    pattern: { detail: { encrypted: [true] } },
    input: eventWithDetail({ encrypted: true }),
    matched: true,
  },
  {
    rule: 'EventBridge: JSON literals — true does not match the string "true"',
    pattern: { detail: { encrypted: [true] } },
    input: eventWithDetail({ encrypted: 'true' }),
    matched: false,
    path: 'detail.encrypted',
  },
  {
    rule: 'EventBridge: null values — "UserID": [null] matches a field whose value is null',
    pattern: { detail: { UserID: [null] } },
    input: eventWithDetail({ UserID: null }),
    matched: true,
  },
  {
    rule: 'EventBridge: null values — [null] does not match a field that is missing (null is not absence)',
    pattern: { detail: { UserID: [null] } },
    input: eventWithDetail({}),
    matched: false,
    path: 'detail.UserID',
  },
  {
    rule: 'EventBridge: null values — [null] does not match an empty string',
    pattern: { detail: { UserID: [null] } },
    input: eventWithDetail({ UserID: '' }),
    matched: false,
    path: 'detail.UserID',
  },
  {
    rule: 'EventBridge: empty strings — "LastName": [""] matches an empty string',
    pattern: { detail: { LastName: [''] } },
    input: eventWithDetail({ LastName: '' }),
    matched: true,
  },
  {
    rule: 'EventBridge: empty strings — [""] does not match null',
    pattern: { detail: { LastName: [''] } },
    input: eventWithDetail({ LastName: null }),
    matched: false,
    path: 'detail.LastName',
  },
  {
    rule: 'EventBridge: event patterns — a value pattern on a key that holds an object does not match (operators see leaf nodes)',
    pattern: { detail: ['x'] },
    input: eventWithDetail({ state: 'x' }),
    matched: false,
    path: 'detail',
  },
  {
    rule: 'EventBridge: event patterns — an input that is not an event object never matches',
    pattern: { source: ['aws.ec2'] },
    input: 'aws.ec2',
    matched: false,
    path: '(root)',
  },
];

describeMatchTable('EventBridge event patterns: values, literals and arrays', compileEventPattern, cases);
