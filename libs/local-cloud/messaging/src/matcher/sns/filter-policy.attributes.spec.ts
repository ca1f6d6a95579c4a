import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { attribute } from '../testing/sample-events';
import { compileFilterPolicy } from './compile-filter-policy';

const onAttributes = (policy: unknown) => compileFilterPolicy(policy, 'MessageAttributes');

const RUGBY_OR_TENNIS = { customer_interests: ['rugby', 'tennis'] };
const NOT_RUGBY_OR_TENNIS = { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] };

const stringCases: MatchCase[] = [
  {
    rule: 'SNS: string exact matching — ["rugby", "tennis"] matches {"Type": "String", "Value": "rugby"}',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String', 'rugby') },
    matched: true,
  },
  {
    rule: 'SNS: string exact matching — ["rugby", "tennis"] matches a String.Array ["rugby", "tennis"]',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String.Array', '["rugby", "tennis"]') },
    matched: true,
  },
  {
    rule: 'SNS: string exact matching — ["rugby", "tennis"] does not match "baseball"',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String', 'baseball') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: string exact matching — ["rugby", "tennis"] does not match a String.Array ["baseball"]',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String.Array', '["baseball"]') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: string exact matching — the Publish API shape (DataType, StringValue) is accepted',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: { DataType: 'String', StringValue: 'tennis' } },
    matched: true,
  },
  {
    rule: 'SNS: filter policy constraints — string matching is case-sensitive ("Rugby" is not "rugby")',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String', 'Rugby') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: subscription filter policies — each policy key must match a message attribute (missing attribute)',
    pattern: RUGBY_OR_TENNIS,
    input: { store: attribute('String', 'example_corp') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: subscription filter policies — attributes the policy does not name are ignored',
    pattern: RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String', 'rugby'), store: attribute('String', 'example_corp') },
    matched: true,
  },
  {
    rule: 'SNS: anything-but matching — [{"anything-but": ["rugby", "tennis"]}] matches "baseball"',
    pattern: NOT_RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String', 'baseball') },
    matched: true,
  },
  {
    rule: 'SNS: anything-but matching — matches a String.Array ["rugby", "baseball"] (it contains a value that is not rugby or tennis)',
    pattern: NOT_RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String.Array', '["rugby", "baseball"]') },
    matched: true,
  },
  {
    rule: 'SNS: anything-but matching — does not match "rugby"',
    pattern: NOT_RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String', 'rugby') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: anything-but matching — does not match a String.Array whose elements are all listed',
    pattern: NOT_RUGBY_OR_TENNIS,
    input: { customer_interests: attribute('String.Array', '["rugby", "tennis"]') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: anything-but matching — does not match a message without the attribute',
    pattern: NOT_RUGBY_OR_TENNIS,
    input: {},
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: anything-but matching — can be combined with "exists": false to also accept a missing attribute',
    pattern: { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }, { exists: false }] },
    input: { store: attribute('String', 'example_corp') },
    matched: true,
  },
  {
    rule: 'SNS: key matching (attribute-key-matching.html) — "exists": false only matches if at least one attribute is present',
    pattern: { store: [{ exists: false }] },
    input: {},
    matched: false,
    path: '(root)',
  },
  {
    rule: 'SNS: key matching — "exists": false matches attributes without the key',
    pattern: { store: [{ exists: false }] },
    input: { customer_interests: attribute('String.Array', '["baseball", "basketball"]') },
    matched: true,
  },
  {
    rule: 'SNS: equals-ignore-case matching — [{"equals-ignore-case": "tennis"}] matches "TENNIS"',
    pattern: { customer_interests: [{ 'equals-ignore-case': 'tennis' }] },
    input: { customer_interests: attribute('String', 'TENNIS') },
    matched: true,
  },
  {
    rule: 'SNS: equals-ignore-case matching — [{"equals-ignore-case": "tennis"}] does not match "rugby"',
    pattern: { customer_interests: [{ 'equals-ignore-case': 'tennis' }] },
    input: { customer_interests: attribute('String', 'rugby') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: prefix matching — [{"prefix": "bas"}] matches "basketball"',
    pattern: { customer_interests: [{ prefix: 'bas' }] },
    input: { customer_interests: attribute('String', 'basketball') },
    matched: true,
  },
  {
    rule: 'SNS: prefix matching — [{"prefix": "bas"}] does not match "rugby"',
    pattern: { customer_interests: [{ prefix: 'bas' }] },
    input: { customer_interests: attribute('String', 'rugby') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: anything-but prefix matching — [{"anything-but": {"prefix": "bas"}}] matches "rugby"',
    pattern: { customer_interests: [{ 'anything-but': { prefix: 'bas' } }] },
    input: { customer_interests: attribute('String', 'rugby') },
    matched: true,
  },
  {
    rule: 'SNS: anything-but prefix matching — [{"anything-but": {"prefix": "bas"}}] does not match "baseball"',
    pattern: { customer_interests: [{ 'anything-but': { prefix: 'bas' } }] },
    input: { customer_interests: attribute('String', 'baseball') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: suffix matching — [{"suffix": "ball"}] matches "baseball"',
    pattern: { customer_interests: [{ suffix: 'ball' }] },
    input: { customer_interests: attribute('String', 'baseball') },
    matched: true,
  },
  {
    rule: 'SNS: suffix matching — [{"suffix": "ball"}] does not match "rugby"',
    pattern: { customer_interests: [{ suffix: 'ball' }] },
    input: { customer_interests: attribute('String', 'rugby') },
    matched: false,
    path: 'customer_interests',
  },
  {
    rule: 'SNS: IP address matching — [{"cidr": "10.0.0.0/24"}] matches "10.0.0.255"',
    pattern: { source_ip: [{ cidr: '10.0.0.0/24' }] },
    input: { source_ip: attribute('String', '10.0.0.255') },
    matched: true,
  },
  {
    rule: 'SNS: IP address matching — [{"cidr": "10.0.0.0/24"}] does not match "10.1.1.0"',
    pattern: { source_ip: [{ cidr: '10.0.0.0/24' }] },
    input: { source_ip: attribute('String', '10.1.1.0') },
    matched: false,
    path: 'source_ip',
  },
];

describeMatchTable('SNS filter policies (MessageAttributes): string matching', onAttributes, stringCases);
