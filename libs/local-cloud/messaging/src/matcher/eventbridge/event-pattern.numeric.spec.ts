import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { EC2_RUNNING_EVENT, eventWithDetail } from '../testing/sample-events';
import { compileEventPattern } from './compile-event-pattern';

const DOCUMENTED_NUMERIC_PATTERN = {
  detail: {
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ numeric: ['=', 3.018e2] }],
  },
};

const cases: MatchCase[] = [
  {
    rule: 'EventBridge: numeric matching — the documented c-count/d-count/x-limit pattern matches c-count 5, d-count 3, x-limit 301.8',
    pattern: DOCUMENTED_NUMERIC_PATTERN,
    input: EC2_RUNNING_EVENT,
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — "c-count" [">", 0, "<=", 5] excludes 0 (open lower bound)',
    pattern: DOCUMENTED_NUMERIC_PATTERN,
    input: eventWithDetail({ ...EC2_RUNNING_EVENT.detail, 'c-count': 0 }),
    matched: false,
    path: 'detail.c-count',
  },
  {
    rule: 'EventBridge: numeric matching — "c-count" [">", 0, "<=", 5] excludes 5.000001',
    pattern: DOCUMENTED_NUMERIC_PATTERN,
    input: eventWithDetail({ ...EC2_RUNNING_EVENT.detail, 'c-count': 5.000001 }),
    matched: false,
    path: 'detail.c-count',
  },
  {
    rule: 'EventBridge: numeric matching — "d-count" ["<", 10] excludes 10',
    pattern: DOCUMENTED_NUMERIC_PATTERN,
    input: eventWithDetail({ ...EC2_RUNNING_EVENT.detail, 'd-count': 10 }),
    matched: false,
    path: 'detail.d-count',
  },
  {
    rule: 'EventBridge: numeric matching — ["=", 3.018e2] does not match 301.9',
    pattern: DOCUMENTED_NUMERIC_PATTERN,
    input: eventWithDetail({ ...EC2_RUNNING_EVENT.detail, 'x-limit': 301.9 }),
    matched: false,
    path: 'detail.x-limit',
  },
  {
    rule: 'EventBridge: numeric matching — [">=", 10] includes its bound',
    pattern: { detail: { n: [{ numeric: ['>=', 10] }] } },
    input: eventWithDetail({ n: 10 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — [">=", 10, "<", 20] excludes its upper bound',
    pattern: { detail: { n: [{ numeric: ['>=', 10, '<', 20] }] } },
    input: eventWithDetail({ n: 20 }),
    matched: false,
    path: 'detail.n',
  },
  {
    rule: 'EventBridge: numeric matching — works with JSON numbers only (the string "5" does not match)',
    pattern: { detail: { n: [{ numeric: ['>', 0] }] } },
    input: eventWithDetail({ n: '5' }),
    matched: false,
    path: 'detail.n',
  },
  {
    rule: 'EventBridge: numeric matching — negative numbers compare correctly ([">", -10, "<", -1] matches -5)',
    pattern: { detail: { n: [{ numeric: ['>', -10, '<', -1] }] } },
    input: eventWithDetail({ n: -5 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — six digits after the decimal point: 1.0000001 equals 1',
    pattern: { detail: { n: [{ numeric: ['=', 1] }] } },
    input: eventWithDetail({ n: 1.0000001 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — six digits after the decimal point: 1.000001 is greater than 1',
    pattern: { detail: { n: [{ numeric: ['>', 1] }] } },
    input: eventWithDetail({ n: 1.000001 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — limited to ±5.0e9: an event value of 6e9 never matches a range',
    pattern: { detail: { n: [{ numeric: ['>', 0] }] } },
    input: eventWithDetail({ n: 6e9 }),
    matched: false,
    path: 'detail.n',
  },
  {
    rule: 'EventBridge: numeric matching — the range limit is inclusive: 5.0e9 matches [">=", 5e9]',
    pattern: { detail: { n: [{ numeric: ['>=', 5e9] }] } },
    input: eventWithDetail({ n: 5e9 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — on an event array it matches when any element is in range',
    pattern: { detail: { n: [{ numeric: ['>', 100] }] } },
    input: eventWithDetail({ n: [1, 2, 150] }),
    matched: true,
  },
  {
    rule: 'EventBridge: numeric matching — a value array in the pattern is OR: [{"numeric": ["<", 0]}, {"numeric": [">", 100]}] matches 150',
    pattern: { detail: { n: [{ numeric: ['<', 0] }, { numeric: ['>', 100] }] } },
    input: eventWithDetail({ n: 150 }),
    matched: true,
  },
  {
    rule: 'EventBridge: numbers — exact numbers beyond the numeric range (account ids) still match equal numbers',
    pattern: { detail: { accountNumber: [123456789012] } },
    input: eventWithDetail({ accountNumber: 123456789012 }),
    matched: true,
  },
];

describeMatchTable('EventBridge event patterns: numeric', compileEventPattern, cases);
