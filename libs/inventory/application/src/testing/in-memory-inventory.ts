import type { EventEnvelope } from '@harbor/contracts';
import {
  Reservation,
  ReservationStatus,
  StockItem,
  type ReservationSnapshot,
  type StockLevel,
} from '@harbor/inventory-domain';
import {
  ConcurrentInventoryChange,
  EventAlreadyProcessed,
  ReservationAlreadyRecorded,
  StockShortfall,
} from '../errors';
import type { HandledEvent, ReservationRepository } from '../ports/reservation.repository.port';
import type { StockRepository } from '../ports/stock.repository.port';

/**
 * Both inventory ports in memory, with the adapter's semantics: every write checks all its conditions first and
 * then applies all of it, so it is as atomic as the DynamoDB transaction. Stores plain data, never instances.
 */
export class InMemoryInventory implements StockRepository, ReservationRepository {
  /** Every envelope written, in write order. */
  readonly outbox: EventEnvelope[] = [];
  readonly handledEvents = new Set<string>();
  private readonly stock = new Map<string, StockLevel>();
  private readonly reservations = new Map<string, ReservationSnapshot>();

  async setAvailable(sku: string, available: number): Promise<StockItem> {
    const current = this.stock.get(sku) ?? StockItem.empty(sku).toLevel();
    const next = StockItem.fromLevel(current).withAvailable(available).toLevel();
    this.stock.set(sku, next);
    return StockItem.fromLevel(next);
  }

  async findBySku(sku: string): Promise<StockItem | undefined> {
    const level = this.stock.get(sku);
    return level && StockItem.fromLevel(level);
  }

  async findMany(skus: readonly string[]): Promise<Map<string, StockLevel>> {
    return new Map(
      skus.flatMap((sku) => {
        const level = this.stock.get(sku);
        return level ? [[sku, { ...level }] as const] : [];
      }),
    );
  }

  async findByOrderId(orderId: string): Promise<Reservation | undefined> {
    const snapshot = this.reservations.get(orderId);
    return snapshot && Reservation.rehydrate(snapshot);
  }

  async reserve(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void> {
    this.assertNew(reservation, event);
    const short = reservation.lines
      .filter((line) => (this.stock.get(line.sku)?.available ?? -1) < line.quantity)
      .map((line) => line.sku);
    if (short.length > 0) throw new StockShortfall({ orderId: reservation.orderId, skus: short });
    for (const line of reservation.lines)
      this.stock.set(line.sku, this.itemOf(line.sku).reserve(line.quantity).toLevel());
    this.write(reservation, outbox, event);
  }

  async record(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void> {
    if (reservation.status === ReservationStatus.Reserved || reservation.status === ReservationStatus.Released) {
      throw new RangeError(`record() stores reservations that hold nothing, not ${reservation.status}`);
    }
    this.assertNew(reservation, event);
    this.write(reservation, outbox, event);
  }

  async release(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void> {
    if (this.handledEvents.has(event.eventId)) throw new EventAlreadyProcessed({ eventId: event.eventId });
    const stored = this.reservations.get(reservation.orderId);
    if (!stored || stored.status !== ReservationStatus.Reserved || stored.version !== reservation.version) {
      throw new ConcurrentInventoryChange({ orderId: reservation.orderId });
    }
    if (reservation.lines.some((line) => (this.stock.get(line.sku)?.reserved ?? -1) < line.quantity)) {
      throw new ConcurrentInventoryChange({ orderId: reservation.orderId });
    }
    for (const line of reservation.lines)
      this.stock.set(line.sku, this.itemOf(line.sku).release(line.quantity).toLevel());
    this.write(reservation, outbox, event);
  }

  private itemOf(sku: string): StockItem {
    return StockItem.fromLevel(this.stock.get(sku) ?? StockItem.empty(sku).toLevel());
  }

  private assertNew(reservation: Reservation, event: HandledEvent): void {
    if (this.handledEvents.has(event.eventId)) throw new EventAlreadyProcessed({ eventId: event.eventId });
    if (this.reservations.has(reservation.orderId))
      throw new ReservationAlreadyRecorded({ orderId: reservation.orderId });
  }

  private write(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): void {
    this.reservations.set(reservation.orderId, { ...reservation.toSnapshot(), version: reservation.version + 1 });
    this.outbox.push(...outbox);
    this.handledEvents.add(event.eventId);
  }
}
