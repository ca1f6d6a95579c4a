import { eventContracts } from '@harbor/contracts';
import { LATER, orderIn } from '../test/order-fixtures';
import { IllegalOrderTransition } from './errors';
import type { Order } from './order.entity';
import { OrderStatus } from './order-status';

type Action = 'confirm' | 'reject' | 'markPaid' | 'cancel' | 'expire';

const act: Record<Action, (order: Order) => void> = {
  confirm: (order) => order.confirm(LATER),
  reject: (order) => order.reject([{ sku: 'SKU-2', reason: 'out of stock' }], LATER),
  markPaid: (order) => order.markPaid('pay-42', LATER),
  cancel: (order) => order.cancel(LATER),
  expire: (order) => order.expire(LATER),
};

const target: Record<Action, { status: OrderStatus; event: string }> = {
  confirm: { status: OrderStatus.Confirmed, event: 'OrderConfirmed' },
  reject: { status: OrderStatus.Rejected, event: 'OrderRejected' },
  markPaid: { status: OrderStatus.Paid, event: 'OrderPaid' },
  cancel: { status: OrderStatus.Cancelled, event: 'OrderCancelled' },
  expire: { status: OrderStatus.Expired, event: 'OrderExpired' },
};

// The whole table: only these moves are legal. A paid or cancelled order cannot expire; an expired one cannot be paid.
const legal = new Set([
  'PENDING:confirm',
  'PENDING:reject',
  'CONFIRMED:markPaid',
  'PENDING:cancel',
  'CONFIRMED:cancel',
  'CONFIRMED:expire',
]);

const matrix = Object.values(OrderStatus).flatMap((from) =>
  (Object.keys(act) as Action[]).map((action) => ({ from, action, isLegal: legal.has(`${from}:${action}`) })),
);

describe('Order transitions', () => {
  it('covers every status and action', () => {
    expect(matrix).toHaveLength(Object.values(OrderStatus).length * Object.keys(act).length);
  });

  it.each(matrix.filter((row) => row.isLegal))('$from --$action--> allowed', ({ from, action }) => {
    const order = orderIn(from);
    act[action](order);
    expect(order.status).toBe(target[action].status);
    expect(order.updatedAt).toEqual(LATER);
    const events = order.pullEvents();
    expect(events.map((event) => event.type)).toEqual([target[action].event]);
    const contract = eventContracts.find((candidate) => candidate.name === events[0]!.type)!;
    expect(contract.payloadSchema.safeParse(events[0]!.payload).success).toBe(true);
  });

  it.each(matrix.filter((row) => !row.isLegal))('$from --$action--> IllegalOrderTransition', ({ from, action }) => {
    const order = orderIn(from);
    const before = order.toSnapshot();
    const attempt = () => act[action](order);
    expect(attempt).toThrow(IllegalOrderTransition);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'ORDER.ILLEGAL_TRANSITION',
        kind: 'conflict',
        details: { from, to: target[action].status },
      }),
    );
    expect(order.toSnapshot()).toEqual(before);
    expect(order.pullEvents()).toEqual([]);
  });
});

describe('transition payloads', () => {
  it('OrderCancelled carries the lines and the status it left', () => {
    const order = orderIn(OrderStatus.Confirmed);
    order.cancel(LATER);
    const [event] = order.pullEvents();
    expect(event).toEqual({
      type: 'OrderCancelled',
      payload: expect.objectContaining({ previousStatus: 'CONFIRMED', lines: order.toSnapshot().lines }),
    });
  });

  it('OrderPaid keeps the payment id and the total', () => {
    const order = orderIn(OrderStatus.Confirmed);
    order.markPaid('pay-42', LATER);
    expect(order.paymentId).toBe('pay-42');
    expect(order.pullEvents()[0]!.payload).toEqual(
      expect.objectContaining({ paymentId: 'pay-42', total: order.total.toData() }),
    );
  });

  it('OrderRejected keeps the reasons', () => {
    const order = orderIn(OrderStatus.Pending);
    order.reject([{ sku: 'SKU-1', reason: 'discontinued' }], LATER);
    expect(order.rejectionReasons).toEqual([{ sku: 'SKU-1', reason: 'discontinued' }]);
  });

  it.each([
    [[], 'reasons'],
    [[{ sku: 'bad sku', reason: 'x' }], 'reasons[0].sku'],
    [[{ sku: 'SKU-1', reason: ' ' }], 'reasons[0].reason'],
  ])('reject refuses reasons %j, naming %s, and stays pending', (reasons, field) => {
    const order = orderIn(OrderStatus.Pending);
    expect(() => order.reject(reasons, LATER)).toThrow(expect.objectContaining({ details: { field } }));
    expect(order.status).toBe('PENDING');
  });

  it('markPaid refuses an empty payment id and stays confirmed', () => {
    const order = orderIn(OrderStatus.Confirmed);
    expect(() => order.markPaid('', LATER)).toThrow(expect.objectContaining({ code: 'ORDER.INVALID_PAYMENT_ID' }));
    expect(order.status).toBe('CONFIRMED');
  });
});
