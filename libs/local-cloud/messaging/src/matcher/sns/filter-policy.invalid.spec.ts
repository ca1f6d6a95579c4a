import { InvalidFilterPolicyError } from '../errors';
import { describeInvalidTable, type InvalidCase } from '../testing/match-table';
import { compileFilterPolicy } from './compile-filter-policy';

const onAttributes = (policy: unknown) => compileFilterPolicy(policy, 'MessageAttributes');

const structureCases: InvalidCase[] = [
  {
    rule: 'SNS SetSubscriptionAttributes: match values are strings, numbers, true, false or null ({"key": [["value"]]})',
    pattern: { key: [['value']] },
    message: '"key": ["value"] is not a match value; use a string, a number, true, false, null or an operator object',
    awsReason: 'Match value must be String, number, true, false, or null',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: an unknown operator is rejected ({"wrong-operator": true})',
    pattern: { key: [{ 'wrong-operator': true }] },
    message: '"key": unknown operator "wrong-operator"',
    awsReason: 'Unrecognized match type wrong-operator',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: one operator per match expression ({"suffix": ..., "prefix": ...})',
    pattern: { key: [{ suffix: 'value', prefix: 'value2' }] },
    message: '"key": an operator object holds exactly one operator, not "suffix", "prefix"',
    awsReason: 'Only one key allowed in match expression',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: a policy value must be an object or an array ({"key_a": "value_one"})',
    pattern: { key_a: 'value_one' },
    message: '"key_a": must be an object or an array, not "value_one"',
    awsReason: '"key_a" must be an object or an array',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: inside a nested object the inner key is reported first ({"key": {"suffix": "value"}})',
    pattern: { key: { suffix: 'value' } },
    message: '"key.suffix": must be an object or an array, not "value"',
    awsReason: '"suffix" must be an object or an array',
  },
  {
    rule: 'SNS filter policy constraints: attribute-based filtering does not accept a nested policy',
    pattern: { object: { key: [{ prefix: 'auto-' }] } },
    message: '"object": SNS filter policies with the MessageAttributes scope do not support nested keys',
    awsReason: 'Filter policy scope MessageAttributes does not support nested filter policy',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: empty arrays are not allowed',
    pattern: { key: [] },
    message: '"key": an empty array is not allowed',
    awsReason: 'Empty arrays are not allowed',
  },
];

const scopeCases: InvalidCase[] = [
  {
    rule: 'SNS SetSubscriptionAttributes: FilterPolicyScope is MessageAttributes or MessageBody',
    pattern: { key: ['a'] },
    message: '"FilterPolicyScope": "RandomValue" is not a scope; use MessageAttributes or MessageBody',
    awsReason: 'FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes',
  },
];

const operatorCases: InvalidCase[] = [
  {
    rule: 'SNS SetSubscriptionAttributes: suffix takes a string ({"suffix": 100})',
    pattern: { key: [{ suffix: 100 }] },
    message: '"key": "suffix" needs a string, not 100',
    awsReason: 'suffix match pattern must be a string',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: suffix takes a string ({"suffix": null})',
    pattern: { key: [{ suffix: null }] },
    message: '"key": "suffix" needs a string, not null',
    awsReason: 'suffix match pattern must be a string',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: suffix takes a string, not a list ({"suffix": ["test", "test2"]})',
    pattern: { key: [{ suffix: ['test', 'test2'] }] },
    message: '"key": "suffix" needs a string, not ["test","test2"]',
    awsReason: 'suffix match pattern must be a string',
  },
  {
    rule: 'SNS message filtering: prefix with equals-ignore-case is EventBridge only',
    pattern: { key: [{ prefix: { 'equals-ignore-case': 'bas' } }] },
    message:
      '"key": "prefix" with an object operand is not supported by SNS filter policies with the MessageAttributes scope; give a string',
    awsReason: 'prefix match pattern must be a string',
  },
  {
    rule: 'SNS message filtering: wildcard is not an SNS operator (EventBridge only)',
    pattern: { key: [{ wildcard: '*ball' }] },
    message:
      '"key": operator "wildcard" is not supported by SNS filter policies with the MessageAttributes scope (EventBridge event patterns support it; SNS filter policies do not)',
    awsReason: 'Unrecognized match type wildcard',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: anything-but takes no suffix',
    pattern: { key: [{ 'anything-but': { suffix: 'test' } }] },
    message:
      '"key": "anything-but" with "suffix" is not supported by SNS filter policies with the MessageAttributes scope',
    awsReason: 'Unsupported anything-but pattern: suffix',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: anything-but takes no exists',
    pattern: { key: [{ 'anything-but': { exists: false } }] },
    message: '"key": "anything-but" does not take "exists"',
    awsReason: 'Unsupported anything-but pattern: exists',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: anything-but prefix takes a string',
    pattern: { key: [{ 'anything-but': { prefix: false } }] },
    message: '"key": "anything-but" prefix needs a string, not false',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: exists takes true or false, not null',
    pattern: { key: [{ exists: null }] },
    message: '"key": "exists" takes true or false, not null',
    awsReason: 'exists match pattern must be either true or false.',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: exists takes true or false, not "no"',
    pattern: { key: [{ exists: 'no' }] },
    message: '"key": "exists" takes true or false, not "no"',
    awsReason: 'exists match pattern must be either true or false.',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: cidr needs a CIDR block string',
    pattern: { source_ip: [{ cidr: 10 }] },
    message: '"source_ip": "cidr" needs a CIDR block string such as "10.0.0.0/24", not 10',
    awsReason: 'prefix match pattern must be a string',
  },
];

const numericCases: InvalidCase[] = [
  {
    rule: 'SNS SetSubscriptionAttributes: numeric must not be empty',
    pattern: { key: [{ numeric: [] }] },
    message: '"key": "numeric" must start with an operator (=, <, <=, >, >=), not undefined',
    awsReason: 'Invalid member in numeric match: ]',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric ["operator"] is not an operator',
    pattern: { key: [{ numeric: ['operator'] }] },
    message: '"key": unknown numeric operator "operator"; use =, <, <=, > or >=',
    awsReason: 'Unrecognized numeric range operator: operator',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [1, "<="] starts with a number',
    pattern: { key: [{ numeric: [1, '<='] }] },
    message: '"key": "numeric" must start with an operator (=, <, <=, >, >=), not 1',
    awsReason: 'Invalid member in numeric match: 1',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric ["=", "000"] compares with a string',
    pattern: { key: [{ numeric: ['=', '000'] }] },
    message: '"key": numeric operator "=" needs a number, not "000"',
    awsReason: 'Value of equals must be numeric',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">="] lacks its value',
    pattern: { key: [{ numeric: ['>='] }] },
    message: '"key": numeric operator ">=" needs a number, not undefined',
    awsReason: 'Value of >= must be numeric',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric ["<", 100, ">", 10] has too many elements',
    pattern: { key: [{ numeric: ['<', 100, '>', 10] }] },
    message: '"key": numeric operator "<" takes exactly one number; only ">" or ">=" can be followed by an upper bound',
    awsReason: 'Too many elements in numeric expression',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">=", 1, ">", 2] has a bad range operator',
    pattern: { key: [{ numeric: ['>=', 1, '>', 2] }] },
    message: '"key": a numeric range\'s upper bound uses "<" or "<=", not ">"',
    awsReason: 'Bad numeric range operator: >',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", 3, "<", 1] has its bottom above its top',
    pattern: { key: [{ numeric: ['>', 3, '<', 1] }] },
    message: '"key": the numeric range is empty: 3 is not below 1',
    awsReason: 'Bottom must be less than top',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", 20, "<="] lacks its upper value',
    pattern: { key: [{ numeric: ['>', 20, '<='] }] },
    message: '"key": numeric operator "<=" needs a number, not undefined',
    awsReason: 'Value of <= must be numeric',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", 20, 30] lacks its range operator',
    pattern: { key: [{ numeric: ['>', 20, 30] }] },
    message: '"key": a numeric range continues with "<" or "<=", not 30',
    awsReason: 'Bad value in numeric range: 30',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", 20, "test"] has an unknown range operator',
    pattern: { key: [{ numeric: ['>', 20, 'test'] }] },
    message: '"key": a numeric range\'s upper bound uses "<" or "<=", not "test"',
    awsReason: 'Bad numeric range operator: test',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", "20", "<", "30"] compares with strings',
    pattern: { key: [{ numeric: ['>', '20', '<', '30'] }] },
    message: '"key": numeric operator ">" needs a number, not "20"',
    awsReason: 'Value of > must be numeric',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", 20, "<", "30"] has a string top',
    pattern: { key: [{ numeric: ['>', 20, '<', '30'] }] },
    message: '"key": numeric operator "<" needs a number, not "30"',
    awsReason: 'Value of < must be numeric',
  },
  {
    rule: 'SNS SetSubscriptionAttributes: numeric [">", 20, "<", 30, "<", 50] has too many terms',
    pattern: { key: [{ numeric: ['>', 20, '<', 30, '<', 50] }] },
    message: '"key": a numeric range has at most two comparisons',
    awsReason: 'Too many terms in numeric range expression',
  },
  {
    rule: 'SNS filter policy constraints: numeric values range from -1e9 to 1e9',
    pattern: { key: [{ numeric: ['>', -2e9] }] },
    message:
      '"key": -2000000000 is out of range: SNS filter policies with the MessageAttributes scope compare numbers between -1.0e9 and 1.0e9',
    awsReason: 'Value must be between -1.0E9 and 1.0E9, inclusive',
  },
];

describeInvalidTable('SNS filter policy validation: structure', onAttributes, InvalidFilterPolicyError, structureCases);
describeInvalidTable(
  'SNS filter policy validation: scope',
  (policy) => compileFilterPolicy(policy, 'RandomValue' as 'MessageBody'),
  InvalidFilterPolicyError,
  scopeCases,
);
describeInvalidTable('SNS filter policy validation: operators', onAttributes, InvalidFilterPolicyError, operatorCases);
describeInvalidTable('SNS filter policy validation: numeric', onAttributes, InvalidFilterPolicyError, numericCases);
