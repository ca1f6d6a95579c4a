import { ORDER_STATUSES, OrderCancelled } from '@harbor/contracts';
import { canTransition, isCancellable, isOpen, isOrderStatus, OrderStatus } from './order-status';

describe('OrderStatus', () => {
  it('has exactly the statuses the contracts publish', () => {
    expect(Object.values(OrderStatus).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('is cancellable exactly from the statuses OrderCancelled accepts as previousStatus', () => {
    const cancellable = Object.values(OrderStatus).filter(isCancellable);
    const accepted = Object.values(OrderStatus).filter(
      (status) => OrderCancelled.payloadSchema.shape.previousStatus.safeParse(status).success,
    );
    expect(cancellable).toEqual(accepted);
  });

  it('recognises its own values only', () => {
    expect(isOrderStatus('PAID')).toBe(true);
    expect(isOrderStatus('paid')).toBe(false);
  });

  it('never moves a status to itself', () => {
    for (const status of Object.values(OrderStatus)) expect(canTransition(status, status)).toBe(false);
  });

  it('counts placed and confirmed orders as open, paid, rejected and cancelled ones as closed', () => {
    expect(Object.values(OrderStatus).filter(isOpen)).toEqual([OrderStatus.Pending, OrderStatus.Confirmed]);
  });
});
