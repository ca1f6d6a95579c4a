import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { EC2_RUNNING_EVENT, eventWithDetail } from '../testing/sample-events';
import { compileEventPattern } from './compile-event-pattern';

const NO_C_COUNT = { detail: { 'c-count': [{ exists: false }] } };

const existsCases: MatchCase[] = [
  {
    rule: 'EventBridge: exists matching — {"exists": true} matches an event that has detail.c-count',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    input: EC2_RUNNING_EVENT,
    matched: true,
  },
  {
    rule: 'EventBridge: exists matching — {"exists": true} does not match an event without detail.c-count',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    input: eventWithDetail({ state: 'running' }),
    matched: false,
    path: 'detail.c-count',
  },
  {
    rule: 'EventBridge: exists matching — {"exists": false} matches the documented event without detail.c-count',
    pattern: NO_C_COUNT,
    input: {
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['initializing', 'running'] },
    },
    matched: true,
  },
  {
    rule: 'EventBridge: exists matching — {"exists": false} also matches when c-count is an object, because c-count is not a leaf node',
    pattern: NO_C_COUNT,
    input: { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } },
    matched: true,
  },
  {
    rule: 'EventBridge: exists matching — {"exists": true} does not match an intermediate node',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    input: { detail: { 'c-count': { c1: 100 } } },
    matched: false,
    path: 'detail.c-count',
  },
  {
    rule: 'EventBridge: exists matching — {"exists": false} does not match a present leaf',
    pattern: NO_C_COUNT,
    input: EC2_RUNNING_EVENT,
    matched: false,
    path: 'detail.c-count',
  },
  {
    rule: 'EventBridge: exists matching — {"exists": false} matches when the whole parent object is missing',
    pattern: NO_C_COUNT,
    input: { source: 'aws.ec2' },
    matched: true,
  },
  {
    rule: 'EventBridge: exists matching — a null value is present: {"exists": true} matches "c-count": null',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    input: eventWithDetail({ 'c-count': null }),
    matched: true,
  },
  {
    rule: 'EventBridge: exists matching — an empty array holds no value: {"exists": false} matches "c-count": []',
    pattern: NO_C_COUNT,
    input: eventWithDetail({ 'c-count': [] }),
    matched: true,
  },
  {
    rule: 'EventBridge: exists matching — an array with values is present: {"exists": true} matches "c-count": [1]',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    input: eventWithDetail({ 'c-count': [1] }),
    matched: true,
  },
];

const cidrCases: MatchCase[] = [
  {
    rule: 'EventBridge: IP address matching — {"cidr": "10.0.0.0/24"} matches "10.0.0.33"',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    input: EC2_RUNNING_EVENT,
    matched: true,
  },
  {
    rule: 'EventBridge: IP address matching — {"cidr": "10.0.0.0/24"} does not match "10.0.1.1"',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    input: eventWithDetail({ 'source-ip': '10.0.1.1' }),
    matched: false,
    path: 'detail.source-ip',
  },
  {
    rule: 'EventBridge: IP address matching — {"cidr": "10.0.0.0/8"} of the complex example matches "10.200.3.4"',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/8' }] } },
    input: eventWithDetail({ 'source-ip': '10.200.3.4' }),
    matched: true,
  },
  {
    rule: 'EventBridge: IP address matching — IPv6: {"cidr": "2001:db8::/32"} matches "2001:db8:85a3::8a2e:370:7334"',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    input: eventWithDetail({ sourceIPAddress: '2001:db8:85a3::8a2e:370:7334' }),
    matched: true,
  },
  {
    rule: 'EventBridge: IP address matching — IPv6: {"cidr": "2001:db8::/32"} does not match "2001:db9::1"',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    input: eventWithDetail({ sourceIPAddress: '2001:db9::1' }),
    matched: false,
    path: 'detail.sourceIPAddress',
  },
  {
    rule: 'EventBridge: IP address matching — an IPv4 block never matches an IPv6 address',
    pattern: { detail: { sourceIPAddress: [{ cidr: '0.0.0.0/0' }] } },
    input: eventWithDetail({ sourceIPAddress: '::1' }),
    matched: false,
    path: 'detail.sourceIPAddress',
  },
  {
    rule: 'EventBridge: IP address matching — a value that is not an IP address does not match',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/8' }] } },
    input: eventWithDetail({ sourceIPAddress: 'localhost' }),
    matched: false,
    path: 'detail.sourceIPAddress',
  },
];

describeMatchTable('EventBridge event patterns: exists', compileEventPattern, existsCases);
describeMatchTable('EventBridge event patterns: cidr', compileEventPattern, cidrCases);
