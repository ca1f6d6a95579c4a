import type { OrderStatusDto } from '@harbor/contracts';

/** What a customer's WebSocket receives when one of their orders changes status. */
export interface OrderStatusMessage {
  readonly type: 'order.status';
  readonly orderId: string;
  readonly status: OrderStatusDto;
}

/** Built from an allow-list of fields, so nothing else of the event (totals, lineage) reaches the client. */
export const orderStatusMessage = (change: {
  readonly orderId: string;
  readonly status: OrderStatusDto;
}): OrderStatusMessage => ({
  type: 'order.status',
  orderId: change.orderId,
  status: change.status,
});
