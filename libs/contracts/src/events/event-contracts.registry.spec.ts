import { eventContracts, findEventContract, parseEventEnvelope } from './event-contracts.registry';

const placed = {
  eventId: '3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e',
  eventType: 'OrderConfirmed',
  version: 1,
  occurredAt: '2025-03-01T10:00:00.000Z',
  correlationId: 'req-1',
  causationId: 'req-1',
  payload: {
    orderId: '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
    customerId: 'customer-1',
    total: { amountMinor: 500, currency: 'EUR' },
  },
};

describe('eventContracts', () => {
  it('holds each name and version once', () => {
    const keys = eventContracts.map((contract) => `${contract.name}@v${contract.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds every orders event', () => {
    expect(eventContracts.map((contract) => contract.name)).toEqual(
      expect.arrayContaining(['OrderPlaced', 'OrderCancelled', 'OrderConfirmed', 'OrderRejected', 'OrderPaid']),
    );
  });

  it('finds a contract by name and version only', () => {
    expect(findEventContract('OrderPaid', 1)?.name).toBe('OrderPaid');
    expect(findEventContract('OrderPaid', 2)).toBeUndefined();
  });
});

describe('parseEventEnvelope', () => {
  it('validates an envelope against its contract', () => {
    expect(parseEventEnvelope(placed)).toEqual(placed);
    expect(() => parseEventEnvelope({ ...placed, payload: { ...placed.payload, total: undefined } })).toThrow('total');
  });

  it.each([{ ...placed, version: 9 }, { ...placed, eventType: 'Unknown' }, null, 'text'])(
    'fails loudly for an unregistered event %#',
    (input) => {
      expect(() => parseEventEnvelope(input)).toThrow('No event contract is registered');
    },
  );
});
