import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { attribute } from '../testing/sample-events';
import { compileFilterPolicy } from './compile-filter-policy';

const onAttributes = (policy: unknown) => compileFilterPolicy(policy, 'MessageAttributes');
const onBody = (policy: unknown) => compileFilterPolicy(policy, 'MessageBody');

const EQUALS_301_5 = { price_usd: [{ numeric: ['=', 301.5] }] };
const NOT_100_OR_500 = { price: [{ 'anything-but': [100, 500] }] };
const RANGE_0_TO_150 = { price_usd: [{ numeric: ['>', 0, '<=', 150] }] };

const attributeCases: MatchCase[] = [
  {
    rule: 'SNS: numeric exact matching — [{"numeric": ["=", 301.5]}] matches {"Type": "Number", "Value": 301.5}',
    pattern: EQUALS_301_5,
    input: { price_usd: attribute('Number', '301.5') },
    matched: true,
  },
  {
    rule: 'SNS: numeric exact matching — [{"numeric": ["=", 301.5]}] matches {"Type": "Number", "Value": 3.015e2}',
    pattern: EQUALS_301_5,
    input: { price_usd: attribute('Number', '3.015e2') },
    matched: true,
  },
  {
    rule: 'SNS: numeric exact matching — a plain number in the policy compares numerically too ([301.5] matches 3.015e2)',
    pattern: { price_usd: [301.5] },
    input: { price_usd: attribute('Number', '3.015e2') },
    matched: true,
  },
  {
    rule: 'SNS: numeric anything-but matching — [{"anything-but": [100, 500]}] matches 101',
    pattern: NOT_100_OR_500,
    input: { price: attribute('Number', '101') },
    matched: true,
  },
  {
    rule: 'SNS: numeric anything-but matching — [{"anything-but": [100, 500]}] matches 100.1',
    pattern: NOT_100_OR_500,
    input: { price: attribute('Number', '100.1') },
    matched: true,
  },
  {
    rule: 'SNS: numeric anything-but matching — matches a String.Array [100, 50] (it contains a value that is not 100 or 500)',
    pattern: NOT_100_OR_500,
    input: { price: attribute('String.Array', '[100, 50]') },
    matched: true,
  },
  {
    rule: 'SNS: numeric anything-but matching — does not match {"Type": "Number", "Value": 100}',
    pattern: NOT_100_OR_500,
    input: { price: attribute('Number', '100') },
    matched: false,
    path: 'price',
  },
  {
    rule: 'SNS: numeric value range matching — [">", 0, "<=", 150] matches 100',
    pattern: RANGE_0_TO_150,
    input: { price_usd: attribute('Number', '100') },
    matched: true,
  },
  {
    rule: 'SNS: numeric value range matching — [">", 0, "<=", 150] matches its upper bound 150',
    pattern: RANGE_0_TO_150,
    input: { price_usd: attribute('Number', '150') },
    matched: true,
  },
  {
    rule: 'SNS: numeric value range matching — [">", 0, "<=", 150] does not match 150.1',
    pattern: RANGE_0_TO_150,
    input: { price_usd: attribute('Number', '150.1') },
    matched: false,
    path: 'price_usd',
  },
  {
    rule: 'SNS: numeric value range matching — [">", 0, "<=", 150] does not match 0',
    pattern: RANGE_0_TO_150,
    input: { price_usd: attribute('Number', '0') },
    matched: false,
    path: 'price_usd',
  },
  {
    rule: 'SNS: numeric matching — a String attribute "100" is not a number for numeric ranges',
    pattern: RANGE_0_TO_150,
    input: { price_usd: attribute('String', '100') },
    matched: false,
    path: 'price_usd',
  },
  {
    rule: 'SNS: filter policy constraints — five digits of accuracy: 150.000001 counts as 150',
    pattern: RANGE_0_TO_150,
    input: { price_usd: attribute('Number', '150.000001') },
    matched: true,
  },
  {
    rule: 'SNS: filter policy constraints — numbers range from -1e9 to 1e9: a Number of 2e9 never matches a range',
    pattern: { price_usd: [{ numeric: ['>', 0] }] },
    input: { price_usd: attribute('Number', '2e9') },
    matched: false,
    path: 'price_usd',
  },
  {
    rule: 'SNS: message attribute data types — a custom Number label (Number.float) compares numerically',
    pattern: { weight: [{ numeric: ['<', 1] }] },
    input: { weight: { DataType: 'Number.float', StringValue: '0.25' } },
    matched: true,
  },
];

const bodyCases: MatchCase[] = [
  {
    rule: 'SNS: numeric exact matching — [{"numeric": ["=", 301.5]}] matches the message body {"price_usd": 3.015e2}',
    pattern: EQUALS_301_5,
    input: '{"price_usd": 3.015e2}',
    matched: true,
  },
  {
    rule: 'SNS: numeric anything-but matching — matches the message body {"price": [100, 50]}',
    pattern: NOT_100_OR_500,
    input: '{"price": [100, 50]}',
    matched: true,
  },
  {
    rule: 'SNS: numeric anything-but matching — does not match the message body {"price": 500}',
    pattern: NOT_100_OR_500,
    input: '{"price": 500}',
    matched: false,
    path: 'price',
  },
];

describeMatchTable('SNS filter policies (MessageAttributes): numeric matching', onAttributes, attributeCases);
describeMatchTable('SNS filter policies (MessageBody): numeric matching', onBody, bodyCases);
