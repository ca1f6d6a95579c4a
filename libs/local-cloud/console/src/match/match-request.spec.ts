import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { DECLARATIONS } from '../testing/messaging-declarations';
import { explainMatch } from './match-request';

describe('explainMatch', () => {
  it('explains a declared subscription against a message, by scope', () => {
    const paid = explainMatch(
      {
        subscription: 'notify-paid',
        message: { body: '{}', attributes: { eventType: { Type: 'String', Value: 'OrderPaid' } } },
      },
      DECLARATIONS,
    );
    expect(paid.matches).toBe(true);
    const shipped = explainMatch(
      { subscription: 'audit-body', message: { body: { order: { status: 'SHIPPED' } } } },
      DECLARATIONS,
    );
    expect(shipped).toEqual({
      matches: false,
      explanation: [{ path: 'order.status', ok: false, reason: 'expected one of ["PAID"], got "SHIPPED"' }],
    });
  });

  it('explains a declared rule against an event', () => {
    const explained = explainMatch(
      { rule: 'reserve-stock', event: { source: 'harbor.orders', 'detail-type': 'OrderCancelled', detail: {} } },
      DECLARATIONS,
    );
    expect(explained.matches).toBe(false);
    expect(explained.explanation.find((key) => !key.ok)?.path).toBe('detail-type');
  });

  it('explains an inline policy or pattern', () => {
    expect(
      explainMatch(
        { filterPolicy: { a: ['x'] }, message: { attributes: { a: { DataType: 'String', StringValue: 'x' } } } },
        DECLARATIONS,
      ).matches,
    ).toBe(true);
    expect(explainMatch({ eventPattern: { source: ['a'] }, event: { source: 'b' } }, DECLARATIONS).matches).toBe(false);
  });

  it('answers unknown names as not found and bad input as invalid, naming the problem', () => {
    expect(() => explainMatch({ rule: 'nope', event: {} }, DECLARATIONS)).toThrow(ConsoleResourceNotFound);
    expect(() => explainMatch({ eventPattern: { source: 'a' }, event: {} }, DECLARATIONS)).toThrow(
      /invalid event pattern: "source"/,
    );
    expect(() => explainMatch({ filterPolicy: { a: ['x'] }, scope: 'Body', message: {} }, DECLARATIONS)).toThrow(
      InvalidConsoleRequest,
    );
    expect(() => explainMatch({ rule: 'reserve-stock' }, DECLARATIONS)).toThrow('"event" is required');
    expect(() => explainMatch([], DECLARATIONS)).toThrow(InvalidConsoleRequest);
  });
});
