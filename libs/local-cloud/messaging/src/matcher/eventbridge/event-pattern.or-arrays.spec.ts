import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { EC2_RUNNING_EVENT } from '../testing/sample-events';
import { compileEventPattern } from './compile-event-pattern';

const NORMAL_OR = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
};

const OR_WITH_AND = {
  source: ['aws.cloudwatch'],
  $or: [
    { metricName: ['CPUUtilization'] },
    { metricType: ['MetricType'], namespace: ['AWS/EC2'] },
    { scope: ['Service'] },
  ],
};

const NESTED_OR = {
  source: ['aws.cloudwatch'],
  $or: [
    { metricName: ['CPUUtilization'] },
    { metricType: ['MetricType'], namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
  ],
};

const PARALLEL_OR = {
  $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
  detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
};

const COMPLEX_EXAMPLE = {
  time: [{ prefix: '2017-10-02' }],
  detail: {
    state: [{ 'anything-but': 'initializing' }],
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ 'anything-but': [100, 200, 300] }],
    'source-ip': [{ cidr: '10.0.0.0/8' }],
  },
};

const EMPLOYEES = {
  employees: [
    { firstName: 'John', lastName: 'Doe' },
    { firstName: 'Anna', lastName: 'Smith' },
    { firstName: 'Peter', lastName: 'Jones' },
  ],
};

const cases: MatchCase[] = [
  {
    rule: 'EventBridge: $or matching — "source" && ("metricName" || "namespace") matches on metricName',
    pattern: NORMAL_OR,
    input: { source: 'aws.cloudwatch', metricName: 'ReadLatency' },
    matched: true,
  },
  {
    rule: 'EventBridge: $or matching — "source" && ("metricName" || "namespace") matches on namespace',
    pattern: NORMAL_OR,
    input: { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
    matched: true,
  },
  {
    rule: 'EventBridge: $or matching — no branch matching is a miss reported at "$or"',
    pattern: NORMAL_OR,
    input: { source: 'aws.cloudwatch', metricName: 'DiskWrites' },
    matched: false,
    path: '$or',
  },
  {
    rule: 'EventBridge: $or matching — the fields outside $or still apply (wrong source)',
    pattern: NORMAL_OR,
    input: { source: 'aws.ec2', metricName: 'CPUUtilization' },
    matched: false,
    path: 'source',
  },
  {
    rule: 'EventBridge: $or matching — a branch with several fields needs all of them (metricType && namespace)',
    pattern: OR_WITH_AND,
    input: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' },
    matched: true,
  },
  {
    rule: 'EventBridge: $or matching — a branch with several fields does not match on one of them alone',
    pattern: OR_WITH_AND,
    input: { source: 'aws.cloudwatch', metricType: 'MetricType' },
    matched: false,
    path: '$or',
  },
  {
    rule: 'EventBridge: $or matching — nested "$or" inside a branch: metricType && namespace && (metricId || spaceId)',
    pattern: NESTED_OR,
    input: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 },
    matched: true,
  },
  {
    rule: 'EventBridge: $or matching — nested "$or" inside a branch misses when neither metricId nor spaceId matches',
    pattern: NESTED_OR,
    input: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 2000 },
    matched: false,
    path: '$or',
  },
  {
    rule: 'EventBridge: $or matching — parallel "$or" at two levels: both must have a matching branch',
    pattern: PARALLEL_OR,
    input: { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } },
    matched: true,
  },
  {
    rule: 'EventBridge: $or matching — parallel "$or": a miss in the nested one is reported at "detail.$or"',
    pattern: PARALLEL_OR,
    input: { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } },
    matched: false,
    path: 'detail.$or',
  },
  {
    rule: 'EventBridge: complex example with multiple matching — prefix, anything-but, numeric and cidr together match the sample event',
    pattern: COMPLEX_EXAMPLE,
    input: EC2_RUNNING_EVENT,
    matched: true,
  },
  {
    rule: 'EventBridge: complex example with multiple matching — an excluded x-limit of 300 fails it',
    pattern: COMPLEX_EXAMPLE,
    input: { ...EC2_RUNNING_EVENT, detail: { ...EC2_RUNNING_EVENT.detail, 'x-limit': 300 } },
    matched: false,
    path: 'detail.x-limit',
  },
  {
    rule: 'EventBridge: arrays of objects — {"employees": {"firstName": ["Anna"]}} matches an element of the array',
    pattern: { employees: { firstName: ['Anna'] } },
    input: EMPLOYEES,
    matched: true,
  },
  {
    rule: 'EventBridge: arrays of objects — fields must match within the same element ("Anna" "Jones" are different employees)',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
    input: EMPLOYEES,
    matched: false,
    path: 'employees.lastName',
  },
  {
    rule: 'EventBridge: arrays of objects — "Anna" "Smith" are the same employee',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
    input: EMPLOYEES,
    matched: true,
  },
  {
    rule: 'EventBridge: arrays of objects — multi-level arrays are flattened ([[{...}], [{...}]])',
    pattern: { employees: { firstName: ['Peter'] } },
    input: { employees: [[EMPLOYEES.employees[0], EMPLOYEES.employees[1]], [EMPLOYEES.employees[2]]] },
    matched: true,
  },
];

describeMatchTable(
  'EventBridge event patterns: $or, complex patterns and arrays of objects',
  compileEventPattern,
  cases,
);
