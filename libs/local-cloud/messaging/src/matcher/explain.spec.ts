import { InvalidFilterPolicyError, InvalidPatternError } from './errors';
import { explainEventPattern, explainFilterPolicy } from './explain';

const event = (detail: Record<string, unknown>) => ({ source: 'harbor.orders', 'detail-type': 'OrderPlaced', detail });

describe('explainEventPattern', () => {
  it('names the failing key with what it expected and what it got', () => {
    const explained = explainEventPattern(
      { source: ['harbor.orders'], detail: { status: ['PAID'] } },
      event({ status: 'NEW' }),
    );
    expect(explained).toEqual({
      matches: false,
      explanation: [
        { path: 'source', ok: true, reason: 'got "harbor.orders", matches "harbor.orders"' },
        { path: 'detail.status', ok: false, reason: 'expected one of ["PAID"], got "NEW"' },
      ],
    });
  });

  it('says a key is missing', () => {
    const explained = explainEventPattern({ detail: { total: [{ numeric: ['>', 0] }] } }, event({}));
    expect(explained.explanation).toEqual([
      { path: 'detail.total', ok: false, reason: 'expected one of [numeric [">",0]], the key is missing' },
    ]);
  });

  it('explains numeric, prefix and anything-but operators', () => {
    const pattern = {
      detail: {
        total: [{ numeric: ['>=', 100] }],
        sku: [{ prefix: 'SKU-' }],
        status: [{ 'anything-but': ['CANCELLED'] }],
      },
    };
    const explained = explainEventPattern(pattern, event({ total: 20, sku: 'ABC-1', status: 'CANCELLED' }));
    expect(explained.matches).toBe(false);
    expect(explained.explanation).toEqual([
      { path: 'detail.total', ok: false, reason: 'expected one of [numeric [">=",100]], got 20' },
      { path: 'detail.sku', ok: false, reason: 'expected one of [prefix "SKU-"], got "ABC-1"' },
      { path: 'detail.status', ok: false, reason: 'expected one of [anything-but "CANCELLED"], got "CANCELLED"' },
    ]);
  });

  it('explains each $or branch and which one matched', () => {
    const pattern = { detail: { $or: [{ status: ['PAID'] }, { total: [{ numeric: ['>', 100] }] }] } };
    const explained = explainEventPattern(pattern, event({ status: 'NEW', total: 250 }));
    expect(explained.matches).toBe(true);
    expect(explained.explanation).toEqual([
      { path: 'detail.$or', ok: true, reason: 'branch [1] matches' },
      { path: 'detail.status', ok: false, reason: 'expected one of ["PAID"], got "NEW"', branch: '$or[0]' },
      { path: 'detail.total', ok: true, reason: 'got 250, matches numeric [">",100]', branch: '$or[1]' },
    ]);
  });

  it('refuses an input that is not an event', () => {
    expect(explainEventPattern({ source: ['a'] }, 'text')).toEqual({
      matches: false,
      explanation: [{ path: '(root)', ok: false, reason: 'an EventBridge event is a JSON object' }],
    });
  });

  it('throws the PutRule error for an invalid pattern', () => {
    expect(() => explainEventPattern({ source: 'not-an-array' }, event({}))).toThrow(InvalidPatternError);
  });
});

describe('explainFilterPolicy', () => {
  it('explains a MessageAttributes policy against Publish-style attributes', () => {
    const attributes = { eventType: { DataType: 'String', StringValue: 'OrderShipped' } };
    expect(explainFilterPolicy({ eventType: ['OrderPlaced', 'OrderPaid'] }, 'MessageAttributes', attributes)).toEqual({
      matches: false,
      explanation: [
        { path: 'eventType', ok: false, reason: 'expected one of ["OrderPlaced", "OrderPaid"], got "OrderShipped"' },
      ],
    });
  });

  it('explains a MessageBody policy against the body string', () => {
    const explained = explainFilterPolicy(
      { order: { status: ['PAID'] } },
      'MessageBody',
      JSON.stringify({ order: { status: 'PAID' } }),
    );
    expect(explained).toEqual({
      matches: true,
      explanation: [{ path: 'order.status', ok: true, reason: 'got "PAID", matches "PAID"' }],
    });
  });

  it('accepts everything with an empty policy', () => {
    expect(explainFilterPolicy({}, 'MessageAttributes', {})).toEqual({ matches: true, explanation: [] });
  });

  it('names a malformed attribute', () => {
    const explained = explainFilterPolicy({ eventType: ['A'] }, 'MessageAttributes', {
      eventType: { StringValue: 'A' },
    });
    expect(explained.matches).toBe(false);
    expect(explained.explanation[0]).toMatchObject({ path: 'eventType', ok: false });
  });

  it('throws the Subscribe error for an invalid policy', () => {
    expect(() => explainFilterPolicy({ eventType: [{ nope: 1 }] }, 'MessageAttributes', {})).toThrow(
      InvalidFilterPolicyError,
    );
  });
});
