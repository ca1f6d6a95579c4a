import type { EventEnvelope } from '@harbor/contracts';
import { CustomerId, Order, OrderId } from '@harbor/orders-domain';
import { ConcurrentOrderModification, InvalidPageCursor, OpenOrderLimitReached, OrderAlreadyExists } from '../errors';
import { toEventEnvelopes } from '../order-event-envelopes';
import type { OrderRepository } from '../ports/order.repository.port';
import { SequentialIdGenerator } from './sequential-id-generator';

/** What the shared suite needs from an implementation: the repository and a way to read its outbox. */
export interface OrderRepositoryHarness {
  readonly repository: OrderRepository;
  /** Every envelope stored with writes of this order, in write order. */
  outboxFor(orderId: string): Promise<EventEnvelope[]>;
}

const START = Date.parse('2099-02-01T00:00:00.000Z');
/** A limit the tests that are not about it never reach. */
const ROOMY = { maxOpenOrders: 1_000 };

/**
 * The behaviour every OrderRepository must have, as a Jest suite: run it against the in-memory fake and
 * against each real adapter, so the fake never promises what production does not do. Ids are unique per
 * run, so a shared table needs no cleaning between tests.
 */
export function describeOrderRepositoryContract(
  name: string,
  createHarness: () => Promise<OrderRepositoryHarness>,
): void {
  describe(`${name} honours the OrderRepository contract`, () => {
    let harness: OrderRepositoryHarness;
    let ids: SequentialIdGenerator;
    let customerId: string;

    beforeEach(async () => {
      harness = await createHarness();
      ids = new SequentialIdGenerator(Math.floor(Math.random() * 0xffffffff));
      customerId = `customer-${ids.newId()}`;
    });

    function place(minutesAfterStart = 0, owner = customerId): { order: Order; outbox: EventEnvelope[] } {
      const now = new Date(START + minutesAfterStart * 60_000);
      const order = Order.place({
        id: ids.newId(),
        customerId: owner,
        lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } }],
        now,
      });
      const outbox = toEventEnvelopes(order.pullEvents(), {
        idGenerator: ids,
        occurredAt: now,
        correlationId: 'contract-test',
      });
      return { order, outbox };
    }

    async function mustFind(id: OrderId): Promise<Order> {
      const order = await harness.repository.findById(id);
      if (!order) throw new Error(`order ${id.value} should have been stored`);
      return order;
    }

    function cancelled(order: Order): EventEnvelope[] {
      const now = new Date(START + 3_600_000);
      order.cancel(now);
      return toEventEnvelopes(order.pullEvents(), {
        idGenerator: ids,
        occurredAt: now,
        correlationId: 'contract-test',
      });
    }

    it('creates an order with its outbox and finds it at version 1', async () => {
      const { order, outbox } = place();
      await harness.repository.create(order, outbox, ROOMY);
      const found = await harness.repository.findById(order.id);
      expect(found?.toSnapshot()).toEqual({ ...order.toSnapshot(), version: 1 });
      expect(await harness.outboxFor(order.id.value)).toEqual(outbox);
    });

    it('finds nothing for an unknown id', async () => {
      expect(await harness.repository.findById(OrderId.create(ids.newId()))).toBeUndefined();
    });

    it('refuses a second order with the same id, writing nothing', async () => {
      const { order, outbox } = place();
      await harness.repository.create(order, outbox, ROOMY);
      const twin = Order.rehydrate({ ...order.toSnapshot(), customerId: 'someone-else' });
      await expect(harness.repository.create(twin, outbox, ROOMY)).rejects.toBeInstanceOf(OrderAlreadyExists);
      expect((await harness.repository.findById(order.id))?.customerId.value).toBe(customerId);
      expect(await harness.outboxFor(order.id.value)).toHaveLength(outbox.length);
    });

    it('saves a change on the loaded version, bumps the version and appends the outbox', async () => {
      const { order, outbox } = place();
      await harness.repository.create(order, outbox, ROOMY);
      const loaded = await mustFind(order.id);
      const cancelOutbox = cancelled(loaded);
      await harness.repository.save(loaded, cancelOutbox);
      const stored = await mustFind(order.id);
      expect(stored.status).toBe('CANCELLED');
      expect(stored.version).toBe(2);
      expect(await harness.outboxFor(order.id.value)).toEqual([...outbox, ...cancelOutbox]);
    });

    it('refuses a save on a stale version, writing nothing', async () => {
      const { order, outbox } = place();
      await harness.repository.create(order, outbox, ROOMY);
      const first = await mustFind(order.id);
      const second = await mustFind(order.id);
      first.confirm(new Date(START + 60_000));
      first.pullEvents();
      await harness.repository.save(first, []);
      const staleOutbox = cancelled(second);
      await expect(harness.repository.save(second, staleOutbox)).rejects.toBeInstanceOf(ConcurrentOrderModification);
      expect((await harness.repository.findById(order.id))?.status).toBe('CONFIRMED');
      expect(await harness.outboxFor(order.id.value)).toEqual(outbox);
    });

    it('refuses to save an order that was never created', async () => {
      const { order } = place();
      await expect(harness.repository.save(order, [])).rejects.toBeInstanceOf(ConcurrentOrderModification);
      expect(await harness.repository.findById(order.id)).toBeUndefined();
    });

    it('refuses an order past the open-order limit, writing nothing; other customers are not counted', async () => {
      const limit = { maxOpenOrders: 2 };
      await harness.repository.create(place(0).order, [], limit);
      await harness.repository.create(place(1).order, [], limit);
      const third = place(2);
      await expect(harness.repository.create(third.order, third.outbox, limit)).rejects.toBeInstanceOf(
        OpenOrderLimitReached,
      );
      expect(await harness.repository.findById(third.order.id)).toBeUndefined();
      expect(await harness.outboxFor(third.order.id.value)).toEqual([]);
      await harness.repository.create(place(3, `other-${customerId}`).order, [], limit);
    });

    it('frees a place when an open order closes, not when it moves between open statuses', async () => {
      const limit = { maxOpenOrders: 1 };
      const first = place(0);
      await harness.repository.create(first.order, first.outbox, limit);
      const confirmed = await mustFind(first.order.id);
      confirmed.confirm(new Date(START + 60_000));
      await harness.repository.save(confirmed, []);
      await expect(harness.repository.create(place(1).order, [], limit)).rejects.toBeInstanceOf(OpenOrderLimitReached);
      const loaded = await mustFind(first.order.id);
      await harness.repository.save(loaded, cancelled(loaded));
      await harness.repository.create(place(2).order, [], limit);
      await expect(harness.repository.create(place(3).order, [], limit)).rejects.toBeInstanceOf(OpenOrderLimitReached);
    });

    it('lets exactly the limit through when 20 orders of one customer arrive at once', async () => {
      const limit = { maxOpenOrders: 5 };
      const attempts = Array.from({ length: 20 }, (_, index) => place(index));
      const outcomes = await Promise.allSettled(
        attempts.map(({ order, outbox }) => harness.repository.create(order, outbox, limit)),
      );
      const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect({ stored: outcomes.length - refused.length, refused: refused.length }).toEqual({ stored: 5, refused: 15 });
      expect(
        refused.every((outcome) => (outcome as PromiseRejectedResult).reason instanceof OpenOrderLimitReached),
      ).toBe(true);
      const page = await harness.repository.listByCustomer(CustomerId.create(customerId), { limit: 100 });
      expect(page.items).toHaveLength(5);
    });

    it("pages through one customer's orders newest first, each exactly once", async () => {
      const placed = [place(1), place(3), place(2), place(3), place(0)].map(({ order }) => order);
      for (const order of placed) await harness.repository.create(order, [], ROOMY);
      await harness.repository.create(place(5, `other-${customerId}`).order, [], ROOMY);

      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await harness.repository.listByCustomer(CustomerId.create(customerId), {
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((order) => order.id.value));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      const expected = [...placed]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id.value < b.id.value ? 1 : -1))
        .map((order) => order.id.value);
      expect(seen).toEqual(expected);
    });

    it('returns no cursor when one page holds everything', async () => {
      await harness.repository.create(place().order, [], ROOMY);
      const page = await harness.repository.listByCustomer(CustomerId.create(customerId), { limit: 10 });
      expect(page.items).toHaveLength(1);
      expect(page.nextCursor).toBeUndefined();
    });

    it.each(['not-a-cursor', 'eyJ4IjoxfQ', '%%%'])('rejects the cursor %p as InvalidPageCursor', async (cursor) => {
      await expect(
        harness.repository.listByCustomer(CustomerId.create(customerId), { limit: 5, cursor }),
      ).rejects.toBeInstanceOf(InvalidPageCursor);
    });
  });
}
