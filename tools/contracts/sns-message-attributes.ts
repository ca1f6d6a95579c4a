import * as contracts from '@harbor/contracts';

type AttributeTypes = Record<string, { readonly DataType: 'String' | 'Number' }>;

/**
 * The message attributes each SNS-published event carries, from the contract function its publisher calls (here
 * with a sample envelope): what the AsyncAPI documents list and filter policies may select on.
 * `npx nx g @harbor/tools:event <service> <Event>` adds its event's entry.
 */
export const SNS_MESSAGE_ATTRIBUTES: Readonly<Record<string, () => AttributeTypes>> = {
  OrderStatusChanged: () =>
    contracts.orderStatusAttributes({
      eventType: 'OrderStatusChanged',
      version: 1,
      correlationId: 'c',
      payload: { orderId: 'o', customerId: 'c', status: 'PENDING', total: { amountMinor: 0, currency: 'EUR' } },
    }),
};
