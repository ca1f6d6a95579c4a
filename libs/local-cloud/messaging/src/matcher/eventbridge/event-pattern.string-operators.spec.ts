import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { EC2_RUNNING_EVENT, eventWithDetail } from '../testing/sample-events';
import { compileEventPattern } from './compile-event-pattern';

const prefixCases: MatchCase[] = [
  {
    rule: 'EventBridge: prefix matching — "time": [{ "prefix": "2017-10-02" }] matches "2017-10-02T16:24:49Z"',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    input: EC2_RUNNING_EVENT,
    matched: true,
  },
  {
    rule: 'EventBridge: prefix matching — "time": [{ "prefix": "2017-10-02" }] does not match "2017-10-03T00:00:00Z"',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    input: { ...EC2_RUNNING_EVENT, time: '2017-10-03T00:00:00Z' },
    matched: false,
    path: 'time',
  },
  {
    rule: 'EventBridge: prefix matching — works on string values only (a number does not match a prefix)',
    pattern: { detail: { code: [{ prefix: '12' }] } },
    input: eventWithDetail({ code: 123 }),
    matched: false,
    path: 'detail.code',
  },
  {
    rule: 'EventBridge: prefix matching — prefix is case-sensitive ("us-" does not match "US-EAST-1")',
    pattern: { region: [{ prefix: 'us-' }] },
    input: { ...EC2_RUNNING_EVENT, region: 'US-EAST-1' },
    matched: false,
    path: 'region',
  },
  {
    rule: 'EventBridge: prefix matching while ignoring case — {"prefix": {"equals-ignore-case": "EventB"}} matches "eventbridge"',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    input: eventWithDetail({ service: 'eventbridge' }),
    matched: true,
  },
  {
    rule: 'EventBridge: prefix matching while ignoring case — matches "EVENTBRIDGE" too',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    input: eventWithDetail({ service: 'EVENTBRIDGE' }),
    matched: true,
  },
  {
    rule: 'EventBridge: prefix matching while ignoring case — does not match "Lambda"',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    input: eventWithDetail({ service: 'Lambda' }),
    matched: false,
    path: 'detail.service',
  },
];

const suffixCases: MatchCase[] = [
  {
    rule: 'EventBridge: suffix matching — "FileName": [{ "suffix": ".png" }] matches "image.png"',
    pattern: { FileName: [{ suffix: '.png' }] },
    input: { FileName: 'image.png' },
    matched: true,
  },
  {
    rule: 'EventBridge: suffix matching — "FileName": [{ "suffix": ".png" }] does not match "image.PNG" (case-sensitive)',
    pattern: { FileName: [{ suffix: '.png' }] },
    input: { FileName: 'image.PNG' },
    matched: false,
    path: 'FileName',
  },
  {
    rule: 'EventBridge: suffix matching while ignoring case — {"suffix": {"equals-ignore-case": ".png"}} matches "image.PNG"',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    input: eventWithDetail({ FileName: 'image.PNG' }),
    matched: true,
  },
  {
    rule: 'EventBridge: suffix matching while ignoring case — does not match "image.jpg"',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    input: eventWithDetail({ FileName: 'image.jpg' }),
    matched: false,
    path: 'detail.FileName',
  },
];

const equalsIgnoreCaseCases: MatchCase[] = [
  {
    rule: 'EventBridge: equals-ignore-case matching — {"equals-ignore-case": "alice"} matches "Alice"',
    pattern: { detail: { name: [{ 'equals-ignore-case': 'alice' }] } },
    input: eventWithDetail({ name: 'Alice' }),
    matched: true,
  },
  {
    rule: 'EventBridge: equals-ignore-case matching — matches "ALICE"',
    pattern: { detail: { name: [{ 'equals-ignore-case': 'alice' }] } },
    input: eventWithDetail({ name: 'ALICE' }),
    matched: true,
  },
  {
    rule: 'EventBridge: equals-ignore-case matching — is still whole-value equality ("Alice Smith" is not "alice")',
    pattern: { detail: { name: [{ 'equals-ignore-case': 'alice' }] } },
    input: eventWithDetail({ name: 'Alice Smith' }),
    matched: false,
    path: 'detail.name',
  },
];

const wildcardCases: MatchCase[] = [
  {
    rule: 'EventBridge: wildcard matching — "EventBusArn": [{ "wildcard": "arn:aws:events:us-east-1:*:event-bus/*" }] matches a bus ARN',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    input: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/orders' },
    matched: true,
  },
  {
    rule: 'EventBridge: wildcard matching — the same pattern does not match another region',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    input: { EventBusArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/orders' },
    matched: false,
    path: 'EventBusArn',
  },
  {
    rule: 'EventBridge: wildcard matching — "*.png" matches strings ending in .png',
    pattern: { detail: { key: [{ wildcard: '*.png' }] } },
    input: eventWithDetail({ key: 'folder/image.png' }),
    matched: true,
  },
  {
    rule: 'EventBridge: wildcard matching — "*Title*" matches "Title" in the middle of a value',
    pattern: { detail: { key: [{ wildcard: '*Title*' }] } },
    input: eventWithDetail({ key: 'MyTitleCard' }),
    matched: true,
  },
  {
    rule: 'EventBridge: wildcard matching — a wildcard matches zero characters ("a*b" matches "ab")',
    pattern: { detail: { key: [{ wildcard: 'a*b' }] } },
    input: eventWithDetail({ key: 'ab' }),
    matched: true,
  },
  {
    rule: 'EventBridge: wildcard matching — without a wildcard the value must equal the pattern',
    pattern: { detail: { key: [{ wildcard: 'abc' }] } },
    input: eventWithDetail({ key: 'abcd' }),
    matched: false,
    path: 'detail.key',
  },
  {
    rule: 'EventBridge: wildcard matching — "\\\\*" stands for a literal asterisk ("a\\\\*b" matches "a*b")',
    pattern: { detail: { key: [{ wildcard: 'a\\*b' }] } },
    input: eventWithDetail({ key: 'a*b' }),
    matched: true,
  },
  {
    rule: 'EventBridge: wildcard matching — an escaped asterisk is not a wildcard ("a\\\\*b" does not match "axb")',
    pattern: { detail: { key: [{ wildcard: 'a\\*b' }] } },
    input: eventWithDetail({ key: 'axb' }),
    matched: false,
    path: 'detail.key',
  },
  {
    rule: 'EventBridge: wildcard matching — "\\\\\\\\" stands for a literal backslash',
    pattern: { detail: { key: [{ wildcard: 'dir\\\\*' }] } },
    input: eventWithDetail({ key: 'dir\\file' }),
    matched: true,
  },
  {
    rule: 'EventBridge: wildcard matching — works on string values only (a number never matches "*")',
    pattern: { detail: { key: [{ wildcard: '*' }] } },
    input: eventWithDetail({ key: 42 }),
    matched: false,
    path: 'detail.key',
  },
];

describeMatchTable('EventBridge event patterns: prefix', compileEventPattern, prefixCases);
describeMatchTable('EventBridge event patterns: suffix', compileEventPattern, suffixCases);
describeMatchTable('EventBridge event patterns: equals-ignore-case', compileEventPattern, equalsIgnoreCaseCases);
describeMatchTable('EventBridge event patterns: wildcard', compileEventPattern, wildcardCases);
