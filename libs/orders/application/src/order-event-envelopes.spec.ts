import type { OrderDomainEvent } from '@harbor/orders-domain';
import { toEventEnvelopes } from './order-event-envelopes';
import { SequentialIdGenerator } from './testing/sequential-id-generator';

const confirmed: OrderDomainEvent = {
  type: 'OrderConfirmed',
  payload: {
    orderId: '00000000-0000-4000-8000-000000000001',
    customerId: 'alice',
    total: { amountMinor: 5, currency: 'EUR' },
  },
};
const origin = () => ({
  idGenerator: new SequentialIdGenerator(7),
  occurredAt: new Date('2025-03-01T10:00:00Z'),
  correlationId: 'req-1',
});

describe('toEventEnvelopes', () => {
  it('wraps each event with a fresh id, the time, the contract version and its lineage', () => {
    const [envelope, second] = toEventEnvelopes([confirmed, confirmed], origin());
    expect(envelope).toEqual({
      eventId: '00000007-0000-4000-8000-000000000001',
      eventType: 'OrderConfirmed',
      version: 1,
      occurredAt: '2025-03-01T10:00:00.000Z',
      correlationId: 'req-1',
      causationId: 'req-1',
      payload: confirmed.payload,
    });
    expect(second?.eventId).toBe('00000007-0000-4000-8000-000000000002');
  });

  it('takes an explicit causation id', () => {
    expect(toEventEnvelopes([confirmed], { ...origin(), causationId: 'evt-9' })[0]?.causationId).toBe('evt-9');
  });

  it('refuses to build an envelope the contract would reject', () => {
    const broken = { type: 'OrderConfirmed', payload: { ...confirmed.payload, orderId: 'nope' } } as OrderDomainEvent;
    expect(() => toEventEnvelopes([broken], origin())).toThrow('orderId');
    expect(() => toEventEnvelopes([confirmed], { ...origin(), correlationId: '' })).toThrow('correlationId');
  });
});
