import { OrderCancelled } from '../orders/order-cancelled.event';
import { OrderPlaced } from '../orders/order-placed.event';
import { eventPatternFor } from './event-pattern';

describe('eventPatternFor', () => {
  it("selects the events by the publisher's source and the contracts' names", () => {
    expect(eventPatternFor('harbor.orders', [OrderPlaced, OrderCancelled])).toEqual({
      source: ['harbor.orders'],
      'detail-type': ['OrderPlaced', 'OrderCancelled'],
    });
  });

  it.each([
    ['orders', [OrderPlaced]],
    ['harbor.orders', []],
  ] as const)('refuses source %p with %p', (source, events) => {
    expect(() => eventPatternFor(source, events)).toThrow();
  });
});
