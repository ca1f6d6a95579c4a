import type { EventEnvelope } from '@harbor/contracts';
import { Reservation, ReservationStatus } from '@harbor/inventory-domain';
import {
  ConcurrentInventoryChange,
  EventAlreadyProcessed,
  ReservationAlreadyRecorded,
  StockShortfall,
} from '../errors';
import { stockReservedEnvelope } from '../inventory-event-envelopes';
import type { ReservationRepository } from '../ports/reservation.repository.port';
import type { StockRepository } from '../ports/stock.repository.port';
import { SequentialIdGenerator } from './sequential-id-generator';

export interface InventoryRepositoryHarness {
  readonly stock: StockRepository;
  readonly reservations: ReservationRepository;
  /** The outbox envelopes stored for one order, in write order. */
  outboxFor(orderId: string): Promise<EventEnvelope[]>;
}

const NOW = new Date('2099-03-01T10:00:00.000Z');

/**
 * The behaviour both inventory ports must have, as a Jest suite: run it against the in-memory fake and against
 * each real adapter, so the fake never promises what production does not do. SKUs and ids are unique per
 * test, so a shared table needs no cleaning.
 */
export function describeInventoryRepositoryContract(
  name: string,
  createHarness: () => Promise<InventoryRepositoryHarness>,
): void {
  describe(`${name} honours the inventory repository contract`, () => {
    let harness: InventoryRepositoryHarness;
    let ids: SequentialIdGenerator;
    let prefix: string;

    beforeEach(async () => {
      harness = await createHarness();
      const namespace = Math.floor(Math.random() * 0xffffffff);
      ids = new SequentialIdGenerator(namespace);
      prefix = `S${namespace.toString(16).toUpperCase()}`;
    });

    const sku = (n: number) => `${prefix}-${n}`;
    const event = () => ({ eventId: ids.newId(), eventType: 'OrderPlaced' });
    function reservationOf(lines: { sku: string; quantity: number }[]) {
      const reservation = Reservation.reserved(ids.newId(), lines, NOW);
      const outbox = [
        stockReservedEnvelope(
          { orderId: reservation.orderId, lines },
          { idGenerator: ids, occurredAt: NOW, cause: { eventId: ids.newId(), correlationId: 'contract' } },
        ),
      ];
      return { reservation, outbox };
    }
    const levelOf = async (n: number) => (await harness.stock.findBySku(sku(n)))?.toLevel();

    it('sets what is available, stocking a new SKU with nothing reserved, and finds it', async () => {
      expect((await harness.stock.setAvailable(sku(1), 5, NOW)).toLevel()).toEqual({
        sku: sku(1),
        available: 5,
        reserved: 0,
      });
      expect(await levelOf(1)).toEqual({ sku: sku(1), available: 5, reserved: 0 });
      expect(await harness.stock.findBySku(sku(2))).toBeUndefined();
      expect([...(await harness.stock.findMany([sku(1), sku(2)])).keys()]).toEqual([sku(1)]);
    });

    it('reserves every line in one write: stock moves, the reservation is stored at version 1 with its outbox', async () => {
      await harness.stock.setAvailable(sku(1), 3, NOW);
      await harness.stock.setAvailable(sku(2), 1, NOW);
      const { reservation, outbox } = reservationOf([
        { sku: sku(1), quantity: 2 },
        { sku: sku(2), quantity: 1 },
      ]);

      await harness.reservations.reserve(reservation, outbox, event());

      expect(await levelOf(1)).toEqual({ sku: sku(1), available: 1, reserved: 2 });
      expect(await levelOf(2)).toEqual({ sku: sku(2), available: 0, reserved: 1 });
      expect((await harness.reservations.findByOrderId(reservation.orderId))?.toSnapshot()).toEqual({
        ...reservation.toSnapshot(),
        version: 1,
      });
      expect(await harness.outboxFor(reservation.orderId)).toEqual(outbox);
    });

    it('reserves nothing when one line is short or unknown, naming those SKUs', async () => {
      await harness.stock.setAvailable(sku(1), 3, NOW);
      await harness.stock.setAvailable(sku(2), 1, NOW);
      const { reservation, outbox } = reservationOf([
        { sku: sku(1), quantity: 2 },
        { sku: sku(2), quantity: 2 },
        { sku: sku(3), quantity: 1 },
      ]);

      const error = await harness.reservations.reserve(reservation, outbox, event()).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(StockShortfall);
      expect((error as StockShortfall).details['skus']).toEqual([sku(2), sku(3)]);
      expect(await levelOf(1)).toEqual({ sku: sku(1), available: 3, reserved: 0 });
      expect(await levelOf(2)).toEqual({ sku: sku(2), available: 1, reserved: 0 });
      expect(await harness.reservations.findByOrderId(reservation.orderId)).toBeUndefined();
      expect(await harness.outboxFor(reservation.orderId)).toEqual([]);
    });

    it('handles an event once: the same event again writes nothing', async () => {
      await harness.stock.setAvailable(sku(1), 5, NOW);
      const handled = event();
      const first = reservationOf([{ sku: sku(1), quantity: 1 }]);
      await harness.reservations.reserve(first.reservation, first.outbox, handled);
      const second = reservationOf([{ sku: sku(1), quantity: 1 }]);

      await expect(harness.reservations.reserve(second.reservation, second.outbox, handled)).rejects.toBeInstanceOf(
        EventAlreadyProcessed,
      );

      expect(await levelOf(1)).toEqual({ sku: sku(1), available: 4, reserved: 1 });
      expect(await harness.reservations.findByOrderId(second.reservation.orderId)).toBeUndefined();
    });

    it('keeps one reservation per order, whatever it holds', async () => {
      await harness.stock.setAvailable(sku(1), 5, NOW);
      const voided = Reservation.voided(ids.newId(), NOW);
      await harness.reservations.record(voided, [], { eventId: ids.newId(), eventType: 'OrderCancelled' });
      const late = Reservation.reserved(voided.orderId, [{ sku: sku(1), quantity: 1 }], NOW);

      await expect(harness.reservations.reserve(late, [], event())).rejects.toBeInstanceOf(ReservationAlreadyRecorded);
      await expect(
        harness.reservations.record(Reservation.voided(voided.orderId, NOW), [], event()),
      ).rejects.toBeInstanceOf(ReservationAlreadyRecorded);

      expect((await harness.reservations.findByOrderId(voided.orderId))?.status).toBe(ReservationStatus.Voided);
      expect(await levelOf(1)).toEqual({ sku: sku(1), available: 5, reserved: 0 });
    });

    it('releases exactly what was reserved, once: a second release of the same version writes nothing', async () => {
      await harness.stock.setAvailable(sku(1), 4, NOW);
      const { reservation, outbox } = reservationOf([{ sku: sku(1), quantity: 3 }]);
      await harness.reservations.reserve(reservation, outbox, event());
      const [first, second] = await Promise.all([
        harness.reservations.findByOrderId(reservation.orderId),
        harness.reservations.findByOrderId(reservation.orderId),
      ]);
      if (!first || !second) throw new Error(`reservation ${reservation.orderId} should have been stored`);
      first.release(NOW);
      second.release(NOW);

      await harness.reservations.release(first, [], { eventId: ids.newId(), eventType: 'OrderCancelled' });
      await expect(
        harness.reservations.release(second, [], { eventId: ids.newId(), eventType: 'OrderCancelled' }),
      ).rejects.toBeInstanceOf(ConcurrentInventoryChange);

      expect(await levelOf(1)).toEqual({ sku: sku(1), available: 4, reserved: 0 });
      expect((await harness.reservations.findByOrderId(reservation.orderId))?.toSnapshot()).toMatchObject({
        status: 'RELEASED',
        version: 2,
      });
    });

    it('setting what is available leaves what is reserved alone', async () => {
      await harness.stock.setAvailable(sku(1), 2, NOW);
      const { reservation, outbox } = reservationOf([{ sku: sku(1), quantity: 2 }]);
      await harness.reservations.reserve(reservation, outbox, event());
      expect((await harness.stock.setAvailable(sku(1), 10, NOW)).toLevel()).toEqual({
        sku: sku(1),
        available: 10,
        reserved: 2,
      });
    });
  });
}
