import { OrderIdSchema } from '@harbor/contracts';
import { CorruptInventoryRecord, InvalidOrderId } from './errors';
import { reservationLines, type ReservationLine } from './reservation-lines';
import type { StockShortage } from './stock-shortage';

/**
 * RESERVED: every line is held. REJECTED: nothing was held (see the shortages). RELEASED: what was held went
 * back to stock. VOIDED: the order was cancelled before inventory reserved anything, so it never will.
 */
export const ReservationStatus = {
  Reserved: 'RESERVED',
  Rejected: 'REJECTED',
  Released: 'RELEASED',
  Voided: 'VOIDED',
} as const;
export type ReservationStatus = (typeof ReservationStatus)[keyof typeof ReservationStatus];
const STATUSES: readonly string[] = Object.values(ReservationStatus);

/** A reservation as plain data, for repositories. */
export interface ReservationSnapshot {
  readonly orderId: string;
  readonly status: ReservationStatus;
  /** What is (or was) held; empty for a rejected or voided reservation. */
  readonly lines: readonly ReservationLine[];
  readonly shortages: readonly StockShortage[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 0 before it is stored; bumped by the repository on each write. */
  readonly version: number;
}

function orderIdOf(value: string): string {
  if (!OrderIdSchema.safeParse(value).success) throw new InvalidOrderId({ field: 'orderId' });
  return value.toLowerCase();
}

/**
 * What inventory holds for one order. The lines of a RESERVED reservation are exactly what was taken from
 * stock, so releasing gives back exactly that, and only once (RESERVED → RELEASED happens once).
 */
export class Reservation {
  private constructor(private state: ReservationSnapshot) {}

  /** All lines held: only for stock that can serve every line (the repository checks it again, atomically). */
  static reserved(orderId: string, lines: readonly ReservationLine[], now: Date): Reservation {
    return Reservation.create(orderId, ReservationStatus.Reserved, reservationLines(lines), [], now);
  }

  static rejected(orderId: string, shortages: readonly StockShortage[], now: Date): Reservation {
    if (shortages.length === 0) throw new RangeError('A rejected reservation needs at least one shortage');
    return Reservation.create(
      orderId,
      ReservationStatus.Rejected,
      [],
      shortages.map((shortage) => ({ ...shortage })),
      now,
    );
  }

  /** The order was cancelled before it was reserved: nothing is held, and nothing ever will be. */
  static voided(orderId: string, now: Date): Reservation {
    return Reservation.create(orderId, ReservationStatus.Voided, [], [], now);
  }

  static rehydrate(snapshot: ReservationSnapshot): Reservation {
    try {
      if (!STATUSES.includes(snapshot.status)) throw new TypeError(`unknown status ${String(snapshot.status)}`);
      if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 0)
        throw new TypeError('version must be a non-negative integer');
      const held = snapshot.status === ReservationStatus.Reserved || snapshot.status === ReservationStatus.Released;
      return new Reservation({
        ...snapshot,
        orderId: orderIdOf(snapshot.orderId),
        lines: held ? reservationLines(snapshot.lines) : [],
        shortages: snapshot.shortages.map((shortage) => ({ ...shortage })),
      });
    } catch (error) {
      throw new CorruptInventoryRecord(`reservation ${String(snapshot?.orderId)}`, { cause: error });
    }
  }

  private static create(
    orderId: string,
    status: ReservationStatus,
    lines: ReservationLine[],
    shortages: StockShortage[],
    now: Date,
  ): Reservation {
    const at = now.toISOString();
    return new Reservation({
      orderId: orderIdOf(orderId),
      status,
      lines,
      shortages,
      createdAt: at,
      updatedAt: at,
      version: 0,
    });
  }

  get orderId(): string {
    return this.state.orderId;
  }
  get status(): ReservationStatus {
    return this.state.status;
  }
  get lines(): readonly ReservationLine[] {
    return this.state.lines;
  }
  get shortages(): readonly StockShortage[] {
    return this.state.shortages;
  }
  get version(): number {
    return this.state.version;
  }

  /**
   * Gives back what is held: a RESERVED reservation becomes RELEASED and answers its lines; any other answers
   * nothing and stays as it is (released already, or never held anything).
   */
  release(now: Date): readonly ReservationLine[] {
    if (this.state.status !== ReservationStatus.Reserved) return [];
    this.state = { ...this.state, status: ReservationStatus.Released, updatedAt: now.toISOString() };
    return this.state.lines;
  }

  toSnapshot(): ReservationSnapshot {
    return {
      ...this.state,
      lines: this.state.lines.map((line) => ({ ...line })),
      shortages: this.state.shortages.map((shortage) => ({ ...shortage })),
    };
  }
}
