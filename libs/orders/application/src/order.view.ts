import type { OrderPageResponse, OrderResponse } from '@harbor/contracts';
import type { Order } from '@harbor/orders-domain';

/**
 * The order as the API shows it, built field by field (an allow-list), so nothing stored or added to the
 * aggregate later leaks into responses.
 */
export function toOrderView(order: Order): OrderResponse {
  return {
    orderId: order.id.value,
    customerId: order.customerId.value,
    status: order.status,
    lines: order.lines.map((line) => ({
      sku: line.sku.value,
      quantity: line.quantity.value,
      unitPrice: { amountMinor: line.unitPrice.amountMinor, currency: line.unitPrice.currency },
    })),
    total: { amountMinor: order.total.amountMinor, currency: order.total.currency },
    createdAt: order.createdAt.toISOString(),
  };
}

/** A page of orders as `GET /orders` answers it; `nextToken` only when more may follow. */
export function toOrderPageView(page: {
  readonly items: readonly Order[];
  readonly nextToken?: string;
}): OrderPageResponse {
  return {
    items: page.items.map(toOrderView),
    ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
  };
}
