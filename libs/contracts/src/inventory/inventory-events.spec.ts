import { eventContracts, parseEventEnvelope } from '../events/event-contracts.registry';
import { StockRejected } from './stock-rejected.event';
import { StockReserved } from './stock-reserved.event';

const orderId = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
const shortage = {
  sku: 'SKU-1',
  code: 'INSUFFICIENT_STOCK',
  reason: 'requested 2, available 1',
  requested: 2,
  available: 1,
};

describe('inventory events v1', () => {
  it.each([
    [StockReserved, { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] }],
    [StockRejected, { orderId, reasons: [shortage, { ...shortage, sku: 'SKU-9', code: 'UNKNOWN_SKU', available: 0 }] }],
  ])('%# accepts a complete payload', (contract, payload) => {
    expect(contract.version).toBe(1);
    expect(contract.payloadSchema.parse(payload)).toEqual(payload);
  });

  it.each([
    [StockReserved, { orderId, lines: [] }, 'lines'],
    [StockReserved, { orderId, lines: [{ sku: 'SKU-1', quantity: 0 }] }, 'lines'],
    [StockReserved, { orderId: 'x', lines: [{ sku: 'SKU-1', quantity: 1 }] }, 'orderId'],
    [StockRejected, { orderId, reasons: [] }, 'reasons'],
    [StockRejected, { orderId, reasons: [{ ...shortage, code: 'LOST' }] }, 'reasons'],
    [StockRejected, { orderId, reasons: [{ ...shortage, available: -1 }] }, 'reasons'],
  ])('%# rejects a bad payload on %s', (contract, payload, field) => {
    expect(contract.payloadSchema.safeParse(payload).error?.issues[0]?.path[0]).toBe(field);
  });

  it('are registered, so outboxes and consumers accept their envelopes', () => {
    expect(eventContracts).toEqual(expect.arrayContaining([StockReserved, StockRejected]));
    const envelope = {
      eventId: '3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e',
      eventType: 'StockRejected',
      version: 1,
      occurredAt: '2025-03-01T10:00:00.000Z',
      correlationId: 'req-1',
      causationId: 'evt-1',
      payload: { orderId, reasons: [shortage] },
    };
    expect(parseEventEnvelope(envelope)).toEqual(envelope);
  });
});
