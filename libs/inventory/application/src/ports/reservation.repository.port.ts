import type { EventEnvelope } from '@harbor/contracts';
import type { Reservation } from '@harbor/inventory-domain';

/** The event a write handles: its marker is written in the same transaction, so it is handled once. */
export interface HandledEvent {
  readonly eventId: string;
  readonly eventType: string;
}

/**
 * Where reservations live. Every write is one transaction of the reservation, the stock it moves, its outbox
 * (the envelopes to publish) and the handled event's marker: all of it or nothing. Each write stores
 * `reservation.version + 1`. On any refusal below, nothing is written.
 * An event handled before → EventAlreadyProcessed.
 */
export interface ReservationRepository {
  findByOrderId(orderId: string): Promise<Reservation | undefined>;

  /**
   * Stores a new RESERVED reservation and takes each line from its stock on condition `available >= quantity`.
   * A short or unknown SKU → StockShortfall naming them; the order already has a reservation →
   * ReservationAlreadyRecorded; a concurrent transaction on the same items → ConcurrentInventoryChange.
   */
  reserve(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void>;

  /** Stores a new reservation that holds nothing (REJECTED or VOIDED). Existing → ReservationAlreadyRecorded. */
  record(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void>;

  /**
   * Stores a RELEASED reservation and gives each of its lines back to stock, on condition that the stored one is
   * still RESERVED at the version it was loaded with. Otherwise → ConcurrentInventoryChange.
   */
  release(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void>;
}
