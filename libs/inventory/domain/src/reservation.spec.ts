import { decideReservation } from './reservation-decision';
import { Reservation, ReservationStatus } from './reservation.entity';
import { reservationLines } from './reservation-lines';
import type { StockLevel } from './stock-item.entity';

const ORDER_ID = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
const NOW = new Date('2025-03-01T10:00:00.000Z');
const LATER = new Date('2025-03-01T11:00:00.000Z');
const stock = (...levels: StockLevel[]) => new Map(levels.map((level) => [level.sku, level]));

describe('decideReservation: all lines or none', () => {
  it('reserves every line when the stock serves all of them', () => {
    const reservation = decideReservation(
      ORDER_ID,
      [
        { sku: 'A1', quantity: 2 },
        { sku: 'B1', quantity: 1 },
      ],
      stock({ sku: 'A1', available: 2, reserved: 0 }, { sku: 'B1', available: 5, reserved: 1 }),
      NOW,
    );
    expect(reservation.status).toBe(ReservationStatus.Reserved);
    expect(reservation.lines).toEqual([
      { sku: 'A1', quantity: 2 },
      { sku: 'B1', quantity: 1 },
    ]);
    expect(reservation.shortages).toEqual([]);
  });

  it('reserves nothing when one line is short, naming each short SKU and why', () => {
    const reservation = decideReservation(
      ORDER_ID,
      [
        { sku: 'A1', quantity: 1 },
        { sku: 'B1', quantity: 3 },
        { sku: 'C1', quantity: 1 },
      ],
      stock({ sku: 'A1', available: 9, reserved: 0 }, { sku: 'B1', available: 2, reserved: 0 }),
      NOW,
    );
    expect(reservation.status).toBe(ReservationStatus.Rejected);
    expect(reservation.lines).toEqual([]);
    expect(reservation.shortages).toEqual([
      {
        sku: 'B1',
        code: 'INSUFFICIENT_STOCK',
        reason: 'insufficient stock: requested 3, available 2',
        requested: 3,
        available: 2,
      },
      { sku: 'C1', code: 'UNKNOWN_SKU', reason: 'SKU C1 is not stocked', requested: 1, available: 0 },
    ]);
  });

  it('adds up lines repeating a SKU before checking the stock', () => {
    const reservation = decideReservation(
      ORDER_ID,
      [
        { sku: 'A1', quantity: 1 },
        { sku: 'A1', quantity: 1 },
      ],
      stock({ sku: 'A1', available: 1, reserved: 0 }),
      NOW,
    );
    expect(reservation.shortages).toEqual([expect.objectContaining({ sku: 'A1', requested: 2, available: 1 })]);
  });
});

describe('reservationLines', () => {
  it.each([
    [[], 'lines'],
    [[{ sku: 'bad', quantity: 1 }], 'lines[0].sku'],
    [
      [
        { sku: 'A1', quantity: 1 },
        { sku: 'B1', quantity: 0 },
      ],
      'lines[1].quantity',
    ],
  ])('refuses %j naming %s', (lines, field) => {
    expect(() => reservationLines(lines)).toThrow(
      expect.objectContaining({ kind: 'invalid', details: expect.objectContaining({ field }) }),
    );
  });
});

describe('Reservation.release: exactly what was reserved, once', () => {
  it('gives back the reserved lines once, then nothing', () => {
    const reservation = Reservation.reserved(ORDER_ID, [{ sku: 'A1', quantity: 2 }], NOW);
    expect(reservation.release(LATER)).toEqual([{ sku: 'A1', quantity: 2 }]);
    expect(reservation.status).toBe(ReservationStatus.Released);
    expect(reservation.toSnapshot().updatedAt).toBe(LATER.toISOString());
    expect(reservation.release(LATER)).toEqual([]);
    expect(reservation.status).toBe(ReservationStatus.Released);
  });

  it.each([
    [
      'rejected',
      Reservation.rejected(
        ORDER_ID,
        [{ sku: 'A1', code: 'UNKNOWN_SKU', reason: 'x', requested: 1, available: 0 }],
        NOW,
      ),
    ],
    ['voided', Reservation.voided(ORDER_ID, NOW)],
  ])('releases nothing of a %s reservation', (_name, reservation) => {
    const before = reservation.toSnapshot();
    expect(reservation.release(LATER)).toEqual([]);
    expect(reservation.toSnapshot()).toEqual(before);
  });

  it('survives a round trip through its snapshot', () => {
    const reservation = Reservation.reserved(ORDER_ID.toUpperCase(), [{ sku: 'A1', quantity: 2 }], NOW);
    expect(reservation.orderId).toBe(ORDER_ID);
    expect(Reservation.rehydrate({ ...reservation.toSnapshot(), version: 3 }).toSnapshot()).toEqual({
      ...reservation.toSnapshot(),
      version: 3,
    });
  });

  it('refuses stored data that is not a reservation as corrupt, not as a client error', () => {
    const snapshot = Reservation.reserved(ORDER_ID, [{ sku: 'A1', quantity: 2 }], NOW).toSnapshot();
    expect(() => Reservation.rehydrate({ ...snapshot, status: 'LOST' as never })).toThrow(
      expect.objectContaining({ code: 'INVENTORY.CORRUPT_RECORD' }),
    );
    expect(() => Reservation.rejected(ORDER_ID, [], NOW)).toThrow(RangeError);
    expect(() => Reservation.voided('not-a-uuid', NOW)).toThrow(
      expect.objectContaining({ code: 'INVENTORY.INVALID_ORDER_ID' }),
    );
  });
});
