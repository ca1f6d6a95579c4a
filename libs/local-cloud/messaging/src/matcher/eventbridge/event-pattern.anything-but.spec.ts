import { describeMatchTable, type MatchCase } from '../testing/match-table';
import { eventWithDetail } from '../testing/sample-events';
import { compileEventPattern } from './compile-event-pattern';

const cases: MatchCase[] = [
  {
    rule: 'EventBridge: anything-but matching — {"anything-but": "initializing"} matches state "running"',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    input: eventWithDetail({ state: 'running' }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but matching — {"anything-but": "initializing"} does not match "initializing"',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    input: eventWithDetail({ state: 'initializing' }),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but matching — never matches a missing field',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    input: eventWithDetail({}),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but matching — numbers: {"anything-but": 123} matches x-limit 456',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    input: eventWithDetail({ 'x-limit': 456 }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but matching — numbers: {"anything-but": 123} does not match 1.23e2',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    input: eventWithDetail({ 'x-limit': 1.23e2 }),
    matched: false,
    path: 'detail.x-limit',
  },
  {
    rule: 'EventBridge: anything-but matching — list of strings ["stopped", "overloaded"] matches "running"',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    input: eventWithDetail({ state: 'running' }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but matching — list of strings ["stopped", "overloaded"] does not match "overloaded"',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    input: eventWithDetail({ state: 'overloaded' }),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but matching — list of numbers [100, 200, 300] matches 301.8',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    input: eventWithDetail({ 'x-limit': 301.8 }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but matching — list of numbers [100, 200, 300] does not match 200',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    input: eventWithDetail({ 'x-limit': 200 }),
    matched: false,
    path: 'detail.x-limit',
  },
  {
    rule: 'EventBridge: anything-but matching — on an event array it matches when any element is not excluded',
    pattern: { detail: { state: [{ 'anything-but': ['stopped'] }] } },
    input: eventWithDetail({ state: ['stopped', 'running'] }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but matching — on an event array whose elements are all excluded it does not match',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } },
    input: eventWithDetail({ state: ['stopped', 'running'] }),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but (begins with) — {"anything-but": {"prefix": "init"}} matches "running"',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    input: eventWithDetail({ state: 'running' }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but (begins with) — {"anything-but": {"prefix": "init"}} does not match "initializing"',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    input: eventWithDetail({ state: 'initializing' }),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but (ends with) — {"anything-but": {"suffix": ".txt"}} matches "file.png"',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    input: eventWithDetail({ FileName: 'file.png' }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but (ends with) — {"anything-but": {"suffix": ".txt"}} does not match "notes.txt"',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    input: eventWithDetail({ FileName: 'notes.txt' }),
    matched: false,
    path: 'detail.FileName',
  },
  {
    rule: 'EventBridge: anything-but (ignore case) — {"anything-but": {"equals-ignore-case": "initializing"}} does not match "INITIALIZING"',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
    input: eventWithDetail({ state: 'INITIALIZING' }),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but (ignore case) — the list form ["initializing", "stopped"] matches "Running"',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] } },
    input: eventWithDetail({ state: 'Running' }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but (ignore case) — the list form ["initializing", "stopped"] does not match "Stopped"',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] } },
    input: eventWithDetail({ state: 'Stopped' }),
    matched: false,
    path: 'detail.state',
  },
  {
    rule: 'EventBridge: anything-but using a wildcard — {"anything-but": {"wildcard": "*/lib/*"}} matches "/usr/bin/env"',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    input: eventWithDetail({ FilePath: '/usr/bin/env' }),
    matched: true,
  },
  {
    rule: 'EventBridge: anything-but using a wildcard — {"anything-but": {"wildcard": "*/lib/*"}} does not match "/usr/lib/libc.so"',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    input: eventWithDetail({ FilePath: '/usr/lib/libc.so' }),
    matched: false,
    path: 'detail.FilePath',
  },
  {
    rule: 'EventBridge: anything-but using a wildcard — the list form ["*/lib/*", "*/bin/*"] does not match "/usr/bin/env"',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] } },
    input: eventWithDetail({ FilePath: '/usr/bin/env' }),
    matched: false,
    path: 'detail.FilePath',
  },
  {
    rule: 'EventBridge: anything-but combined with exists false — [{"anything-but": "x"}, {"exists": false}] matches a missing field',
    pattern: { detail: { state: [{ 'anything-but': 'x' }, { exists: false }] } },
    input: eventWithDetail({}),
    matched: true,
  },
];

describeMatchTable('EventBridge event patterns: anything-but', compileEventPattern, cases);
