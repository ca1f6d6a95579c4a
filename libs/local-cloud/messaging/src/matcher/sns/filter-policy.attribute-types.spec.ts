import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { attribute } from '../testing/sample-events';
import { compileFilterPolicy } from './compile-filter-policy';

const onAttributes = (policy: unknown) => compileFilterPolicy(policy, 'MessageAttributes');

const keyAndTypeCases: MatchCase[] = [
  {
    rule: 'SNS: key matching — "store": [{"exists": true}] matches a message with the store attribute',
    pattern: { store: [{ exists: true }] },
    input: { store: attribute('String', 'example_corp') },
    matched: true,
  },
  {
    rule: 'SNS: key matching — "store": [{"exists": true}] does not match a message without it',
    pattern: { store: [{ exists: true }] },
    input: { customer_interests: attribute('String', 'rugby') },
    matched: false,
    path: 'store',
  },
  {
    rule: 'SNS: key matching — "store": [{"exists": false}] matches a message without the store attribute',
    pattern: { store: [{ exists: false }] },
    input: { customer_interests: attribute('String', 'rugby') },
    matched: true,
  },
  {
    rule: 'SNS: key matching — "store": [{"exists": false}] does not match a message with it',
    pattern: { store: [{ exists: false }] },
    input: { store: attribute('Number', '99') },
    matched: false,
    path: 'store',
  },
  {
    rule: 'SNS: filter policy constraints — SNS ignores Binary attributes: no value operator matches one',
    pattern: { photo: [{ prefix: '' }] },
    input: { photo: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) } },
    matched: false,
    path: 'photo',
  },
  {
    rule: 'SNS: filter policy constraints — SNS ignores Binary attributes: "exists": true does not see one',
    pattern: { photo: [{ exists: true }] },
    input: { photo: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) } },
    matched: false,
    path: 'photo',
  },
  {
    rule: 'SNS: filter policy constraints — SNS ignores Binary attributes: "exists": false treats one as absent',
    pattern: { photo: [{ exists: false }] },
    input: { photo: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) } },
    matched: true,
  },
  {
    rule: 'SNS: message attribute data types — a custom type label (String.eventType) keeps String rules',
    pattern: { eventType: ['OrderPlaced'] },
    input: { eventType: { DataType: 'String.eventType', StringValue: 'OrderPlaced' } },
    matched: true,
  },
  {
    rule: 'SNS: message attribute data types — a String attribute holding "100" is not the number 100',
    pattern: { price: [100] },
    input: { price: attribute('String', '100') },
    matched: false,
    path: 'price',
  },
  {
    rule: 'SNS: message attribute data types — a String.Array that is not a JSON array matches nothing',
    pattern: { tags: ['a'] },
    input: { tags: attribute('String.Array', 'a,b') },
    matched: false,
    path: 'tags',
  },
  {
    rule: 'SNS: filter policy JSON — null in a policy does not match a missing attribute',
    pattern: { attr1: [null, { 'anything-but': 'whatever' }] },
    input: {},
    matched: false,
    path: 'attr1',
  },
];

describeMatchTable(
  'SNS filter policies (MessageAttributes): key matching and attribute types',
  onAttributes,
  keyAndTypeCases,
);
