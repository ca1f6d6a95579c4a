import {
  eventPatternFor,
  OrderCancelled,
  OrderExpired,
  OrderPlaced,
  StockRejected,
  StockReserved,
} from '@harbor/contracts';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { INVENTORY_EVENT_SOURCE } from './composition-root';

// events.yaml is read as is by Terraform and the local cloud; here it is held to the contracts it must follow.
const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: true });
const inventory = services.find((service) => service.name === 'inventory')!;
const orders = services.find((service) => service.name === 'orders')!;

describe('inventory declarations agree with the contracts', () => {
  it.each([
    ['reserve-stock-on-order-placed', OrderPlaced, 'reserveStock'],
    ['release-stock-on-order-cancelled', OrderCancelled, 'releaseStock'],
    ['release-stock-on-order-expired', OrderExpired, 'releaseStock'],
  ] as const)('rule %s selects exactly %s as orders publishes it', (name, contract, fn) => {
    const rule = inventory.events.rules[name];
    const ordersSource = orders.events.publishes.eventbridge?.source;
    expect(ordersSource).toBeDefined();
    expect(rule?.eventPattern).toEqual(eventPatternFor(ordersSource!, [contract]));
    expect(orders.events.publishes.eventbridge?.events).toContain(contract.name);
    expect(rule).toMatchObject({ function: fn, deadLetterQueue: true });
  });

  it('publishes its contracts from the source its relay uses', () => {
    expect(inventory.events.publishes.eventbridge).toEqual({
      bus: 'events',
      source: INVENTORY_EVENT_SOURCE,
      events: [StockReserved.name, StockRejected.name],
    });
  });
});
