import type { EventEnvelope } from '@harbor/contracts';
import { Reservation, type ReservationSnapshot } from '@harbor/inventory-domain';
import type { OutboxRecord, ReservationRecord } from './inventory-table.items';
import { outboxSk, RESERVATION_SK, reservationPk } from './inventory-table.keys';

/** The item that stores `reservation` as written for the `storedVersion`-th time. */
export function toPersistence(reservation: Reservation, storedVersion: number): ReservationRecord {
  const snapshot = reservation.toSnapshot();
  return {
    pk: reservationPk(snapshot.orderId),
    sk: RESERVATION_SK,
    orderId: snapshot.orderId,
    status: snapshot.status,
    lines: snapshot.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    shortages: snapshot.shortages.map(({ sku, code, reason, requested, available }) => ({
      sku,
      code,
      reason,
      requested,
      available,
    })),
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
    version: storedVersion,
  };
}

/** The reservation an item stores. Fields are picked one by one, so keys or stray attributes never reach the domain. */
export function toDomain(item: ReservationRecord): Reservation {
  const snapshot: ReservationSnapshot = {
    orderId: item.orderId,
    // Rehydration validates status and codes, so the casts are checked there.
    status: item.status as ReservationSnapshot['status'],
    lines: (item.lines ?? []).map(({ sku, quantity }) => ({ sku, quantity })),
    shortages: (item.shortages ?? []).map(({ sku, code, reason, requested, available }) => ({
      sku,
      code: code as ReservationSnapshot['shortages'][number]['code'],
      reason,
      requested,
      available,
    })),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
  return Reservation.rehydrate(snapshot);
}

/** The outbox record of the `position`-th event written with the reservation's `storedVersion`-th write. */
export function toOutboxRecord(
  envelope: EventEnvelope,
  at: { readonly orderId: string; readonly storedVersion: number; readonly position: number; readonly expiresAt: Date },
): OutboxRecord {
  return {
    pk: reservationPk(at.orderId),
    sk: outboxSk(at.storedVersion, at.position),
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    envelope: JSON.stringify(envelope),
    correlationId: envelope.correlationId,
    expiresAt: at.expiresAt,
  };
}
