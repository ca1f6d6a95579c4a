import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { compileFilterPolicy } from './compile-filter-policy';

const onBody = (policy: unknown) => compileFilterPolicy(policy, 'MessageBody');

const ORDER_POLICY = { order: { status: ['PAID'], total: [{ numeric: ['>=', 100] }] } };

const cases: MatchCase[] = [
  {
    rule: 'SNS: payload-based filtering — string exact matching on a body property: {"customer_interests": "rugby"}',
    pattern: { customer_interests: ['rugby', 'tennis'] },
    input: '{"customer_interests": "rugby"}',
    matched: true,
  },
  {
    rule: 'SNS: payload-based filtering — nested policies follow the body structure',
    pattern: ORDER_POLICY,
    input: JSON.stringify({ order: { status: 'PAID', total: 120 } }),
    matched: true,
  },
  {
    rule: 'SNS: payload-based filtering — a nested property that fails is named by its full key path',
    pattern: ORDER_POLICY,
    input: JSON.stringify({ order: { status: 'PAID', total: 20 } }),
    matched: false,
    path: 'order.total',
  },
  {
    rule: 'SNS: payload-based filtering — an already parsed body object is accepted',
    pattern: ORDER_POLICY,
    input: { order: { status: 'PAID', total: 100 } },
    matched: true,
  },
  {
    rule: 'SNS: payload-based filtering — a body that is not JSON never matches',
    pattern: ORDER_POLICY,
    input: 'order PAID 120',
    matched: false,
    path: '(root)',
  },
  {
    rule: 'SNS: payload-based filtering — a JSON body that is not an object never matches',
    pattern: { status: ['PAID'] },
    input: '["PAID"]',
    matched: false,
    path: '(root)',
  },
  {
    rule: 'SNS: payload-based filtering — anything-but matches a body array containing a value that is not excluded',
    pattern: { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] },
    input: '{"customer_interests": ["rugby", "baseball"]}',
    matched: true,
  },
  {
    rule: 'SNS: payload-based filtering — arrays of objects: keys must match within the same element',
    pattern: { items: { sku: ['A-1'], qty: [{ numeric: ['>', 5] }] } },
    input: JSON.stringify({
      items: [
        { sku: 'A-1', qty: 1 },
        { sku: 'B-2', qty: 10 },
      ],
    }),
    matched: false,
    path: 'items.qty',
  },
  {
    rule: 'SNS: payload-based filtering — arrays of objects: a single element satisfying every key matches',
    pattern: { items: { sku: ['B-2'], qty: [{ numeric: ['>', 5] }] } },
    input: JSON.stringify({
      items: [
        { sku: 'A-1', qty: 1 },
        { sku: 'B-2', qty: 10 },
      ],
    }),
    matched: true,
  },
  {
    rule: 'SNS: key matching on the body — "exists" works only on leaf nodes (an object is not a leaf)',
    pattern: { order: [{ exists: true }] },
    input: JSON.stringify({ order: { status: 'PAID' } }),
    matched: false,
    path: 'order',
  },
  {
    rule: 'SNS: key matching on the body — {"exists": false} matches when the nested property is absent',
    pattern: { order: { coupon: [{ exists: false }] } },
    input: JSON.stringify({ order: { status: 'PAID' } }),
    matched: true,
  },
  {
    rule: 'SNS: payload-based filtering — booleans in the body match true/false in the policy',
    pattern: { gift: [true] },
    input: '{"gift": true}',
    matched: true,
  },
  {
    rule: 'SNS: payload-based filtering — null in the body matches null in the policy',
    pattern: { coupon: [null] },
    input: '{"coupon": null}',
    matched: true,
  },
  {
    rule: 'SNS: subscription filter policies — an empty policy {} accepts every message',
    pattern: {},
    input: 'not even JSON',
    matched: true,
  },
];

describeMatchTable('SNS filter policies (MessageBody): payload-based filtering', onBody, cases);
