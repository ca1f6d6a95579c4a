import { InvalidPatternError } from '../errors';
import { describeInvalidTable, type InvalidCase } from '../testing/match-table';
import { compileEventPattern } from './compile-event-pattern';

const operatorCases: InvalidCase[] = [
  {
    rule: 'EventBridge PutRule: prefix takes a string',
    pattern: { time: [{ prefix: 2017 }] },
    message: '"time": "prefix" needs a string, not 2017',
    awsReason: 'prefix match pattern must be a string',
  },
  {
    rule: 'EventBridge PutRule: prefix takes a string or {"equals-ignore-case": ...} only',
    pattern: { time: [{ prefix: { suffix: 'x' } }] },
    message: '"time": "prefix" takes a string or {"equals-ignore-case": "<string>"}, not {"suffix":"x"}',
    awsReason: 'prefix match pattern must be a string',
  },
  {
    rule: 'EventBridge PutRule: equals-ignore-case takes a string',
    pattern: { source: [{ 'equals-ignore-case': ['a'] }] },
    message: '"source": "equals-ignore-case" needs a string, not ["a"]',
    awsReason: 'equals-ignore-case match pattern must be a string',
  },
  {
    rule: 'EventBridge PutRule: wildcard — consecutive wildcard characters are not allowed',
    pattern: { source: [{ wildcard: 'a**b' }] },
    message: '"source": wildcard "a**b" has consecutive wildcard characters at position 2',
    awsReason: 'Consecutive wildcard characters at pos 2',
  },
  {
    rule: 'EventBridge PutRule: wildcard — a backslash may only escape "*" or "\\\\"',
    pattern: { source: [{ wildcard: 'a\\b' }] },
    message: '"source": wildcard "a\\b" has a backslash at position 1 that escapes neither "*" nor "\\"',
  },
  {
    rule: 'EventBridge PutRule: anything-but takes a string, a number, a list or an operator object (not true)',
    pattern: { detail: { state: [{ 'anything-but': true }] } },
    message:
      '"detail.state": "anything-but" needs a string, a number, a list of strings or numbers, or an operator object, not true',
    awsReason: 'Value of anything-but must be an array or single string/number value.',
  },
  {
    rule: 'EventBridge PutRule: anything-but lists contain only strings or only numbers',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 100] }] } },
    message: '"detail.state": "anything-but" lists must hold only strings or only numbers',
    awsReason: 'Inside anything but list, either all values are number or string, mixed type is not supported',
  },
  {
    rule: 'EventBridge PutRule: anything-but lists take no null or booleans',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', null] }] } },
    message: '"detail.state": "anything-but" lists take strings or numbers, not null',
    awsReason: 'Inside anything but list, start|null|boolean is not supported.',
  },
  {
    rule: 'EventBridge PutRule: anything-but prefix must not be empty',
    pattern: { detail: { state: [{ 'anything-but': { prefix: '' } }] } },
    message: '"detail.state": "anything-but" prefix must not be empty',
    awsReason: 'Null prefix/suffix not allowed',
  },
  {
    rule: 'EventBridge PutRule: anything-but takes prefix, suffix, equals-ignore-case or wildcard only',
    pattern: { detail: { state: [{ 'anything-but': { numeric: ['>', 1] } }] } },
    message: '"detail.state": "anything-but" does not take "numeric"',
    awsReason: 'Unsupported anything-but pattern: numeric',
  },
  {
    rule: 'EventBridge PutRule: anything-but numbers are limited to ±5.0e9',
    pattern: { detail: { n: [{ 'anything-but': [6e9] }] } },
    message:
      '"detail.n": 6000000000 is out of range: EventBridge event patterns compare numbers between -5.0e9 and 5.0e9',
    awsReason: 'Value must be between -5.0E9 and 5.0E9, inclusive',
  },
  {
    rule: 'EventBridge PutRule: numeric needs a number after "<"',
    pattern: { detail: { amount: [{ numeric: ['<', '10'] }] } },
    message: '"detail.amount": numeric operator "<" needs a number, not "10"',
    awsReason: 'Value of < must be numeric',
  },
  {
    rule: 'EventBridge PutRule: numeric takes an array',
    pattern: { detail: { amount: [{ numeric: 5 }] } },
    message: '"detail.amount": "numeric" needs an array such as [">", 0, "<=", 5], not 5',
    awsReason: 'Value of numeric must be an array.',
  },
  {
    rule: 'EventBridge PutRule: numeric starts with an operator',
    pattern: { detail: { amount: [{ numeric: [5, '<'] }] } },
    message: '"detail.amount": "numeric" must start with an operator (=, <, <=, >, >=), not 5',
    awsReason: 'Invalid member in numeric match: 5',
  },
  {
    rule: 'EventBridge PutRule: numeric operators are =, <, <=, >, >=',
    pattern: { detail: { amount: [{ numeric: ['!=', 5] }] } },
    message: '"detail.amount": unknown numeric operator "!="; use =, <, <=, > or >=',
    awsReason: 'Unrecognized numeric range operator: !=',
  },
  {
    rule: 'EventBridge PutRule: only ">" or ">=" can be followed by an upper bound',
    pattern: { detail: { amount: [{ numeric: ['<', 100, '>', 10] }] } },
    message:
      '"detail.amount": numeric operator "<" takes exactly one number; only ">" or ">=" can be followed by an upper bound',
    awsReason: 'Too many elements in numeric expression',
  },
  {
    rule: 'EventBridge PutRule: a numeric range uses "<" or "<=" for its upper bound',
    pattern: { detail: { amount: [{ numeric: ['>=', 1, '>', 2] }] } },
    message: '"detail.amount": a numeric range\'s upper bound uses "<" or "<=", not ">"',
    awsReason: 'Bad numeric range operator: >',
  },
  {
    rule: 'EventBridge PutRule: a numeric range must not be empty (bottom below top)',
    pattern: { detail: { amount: [{ numeric: ['>', 3, '<', 1] }] } },
    message: '"detail.amount": the numeric range is empty: 3 is not below 1',
    awsReason: 'Bottom must be less than top',
  },
  {
    rule: 'EventBridge PutRule: numeric values are limited to ±5.0e9',
    pattern: { detail: { amount: [{ numeric: ['<', 5.5e9] }] } },
    message:
      '"detail.amount": 5500000000 is out of range: EventBridge event patterns compare numbers between -5.0e9 and 5.0e9',
    awsReason: 'Value must be between -5.0E9 and 5.0E9, inclusive',
  },
  {
    rule: 'EventBridge PutRule: exists takes true or false',
    pattern: { detail: { state: [{ exists: 'yes' }] } },
    message: '"detail.state": "exists" takes true or false, not "yes"',
    awsReason: 'exists match pattern must be either true or false.',
  },
  {
    rule: 'EventBridge PutRule: cidr needs exactly one "/"',
    pattern: { detail: { ip: [{ cidr: '10.0.0.0' }] } },
    message: '"detail.ip": "10.0.0.0" is not a CIDR block: exactly one "/" is required',
    awsReason: "Malformed CIDR, one '/' required",
  },
  {
    rule: 'EventBridge PutRule: cidr rejects nonstandard IP addresses',
    pattern: { detail: { ip: [{ cidr: '10.0.0.256/24' }] } },
    message: '"detail.ip": "10.0.0.256" is not a standard IPv4 or IPv6 address',
    awsReason: 'Nonstandard IP address: 10.0.0.256',
  },
  {
    rule: 'EventBridge PutRule: cidr mask bits must fit the address family',
    pattern: { detail: { ip: [{ cidr: '10.0.0.0/33' }] } },
    message: '"detail.ip": "10.0.0.0/33" has 33 mask bits; an IPv4 mask has at most 32',
  },
];

describeInvalidTable(
  'EventBridge PutRule validation: operators',
  compileEventPattern,
  InvalidPatternError,
  operatorCases,
);
