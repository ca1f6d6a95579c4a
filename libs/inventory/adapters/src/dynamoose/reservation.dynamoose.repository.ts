import type { EventEnvelope } from '@harbor/contracts';
import {
  ConcurrentInventoryChange,
  EventAlreadyProcessed,
  ReservationAlreadyRecorded,
  StockShortfall,
  type HandledEvent,
  type ReservationRepository,
} from '@harbor/inventory-application';
import { ReservationStatus, type Reservation } from '@harbor/inventory-domain';
import * as dynamoose from 'dynamoose';
import { SystemClock, type Clock } from '@harbor/shared-kernel';
import {
  HANDLED_SK,
  handledEventPk,
  MAX_OUTBOX_PER_WRITE,
  RESERVATION_SK,
  reservationPk,
  STOCK_SK,
  stockPk,
} from './inventory-table.keys';
import { inventoryTableModels, type InventoryTableModels } from './inventory-table.models';
import { toDomain, toOutboxRecord, toPersistence } from './reservation.mapper';
import { cancellationCodes, CONDITION_FAILED, TRANSACTION_CONFLICT } from '@harbor/platform-outbox';

export interface DynamooseReservationRepositoryOptions {
  /** Physical name of the inventory table (the function's INVENTORY_TABLE_NAME). */
  readonly tableName: string;
  /** Dates the expiry of outbox records and handled-event markers. */
  readonly clock?: Clock;
}

/** Outbox records and markers outlive the stream's 24 hours and EventBridge's retries (at most a day). */
const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Positions of the items every transaction here starts with; the rest follow. */
const HANDLED = 0;
const RESERVATION = 1;
const FIRST_LINE = 2;

/**
 * ReservationRepository on the inventory table through Dynamoose. Each write is one `dynamoose.transaction`:
 * the handled event's marker (attribute_not_exists: an event is handled once), the reservation, each line's
 * stock moved with ADD under a condition (`available >= quantity` to reserve, `reserved >= quantity` to
 * release) and the outbox. DynamoDB applies all of it or none, so an order is reserved whole or not at all.
 */
export class DynamooseReservationRepository implements ReservationRepository {
  private readonly models: InventoryTableModels;
  private readonly clock: Clock;

  constructor(options: DynamooseReservationRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamooseReservationRepository needs a tableName');
    this.models = inventoryTableModels(options.tableName);
    this.clock = options.clock ?? new SystemClock();
  }

  async findByOrderId(orderId: string): Promise<Reservation | undefined> {
    // Strongly consistent: the version read here is the condition of the next write.
    const item = await this.models.reservations.get(
      { pk: reservationPk(orderId), sk: RESERVATION_SK },
      { consistent: true },
    );
    return item ? toDomain(item) : undefined;
  }

  async reserve(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void> {
    if (reservation.status !== ReservationStatus.Reserved)
      throw new RangeError(`reserve() stores RESERVED reservations, not ${reservation.status}`);
    const takes = reservation.lines.map((line) =>
      this.models.stock.transaction.update(
        { pk: stockPk(line.sku), sk: STOCK_SK },
        { $ADD: { available: -line.quantity, reserved: line.quantity } },
        // Fails for a SKU never stocked too: a missing attribute is not >= anything.
        { condition: new dynamoose.Condition('available').ge(line.quantity) },
      ),
    );
    await this.write(reservation, [this.createReservation(reservation), ...takes], outbox, event, (codes) => {
      const short = reservation.lines
        .filter((_, index) => codes[FIRST_LINE + index] === CONDITION_FAILED)
        .map((line) => line.sku);
      return short.length > 0 ? new StockShortfall({ orderId: reservation.orderId, skus: short }) : undefined;
    });
  }

  async record(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void> {
    if (reservation.lines.length > 0)
      throw new RangeError(`record() stores reservations that hold nothing, not ${reservation.status}`);
    await this.write(reservation, [this.createReservation(reservation)], outbox, event, () => undefined);
  }

  async release(reservation: Reservation, outbox: readonly EventEnvelope[], event: HandledEvent): Promise<void> {
    if (reservation.status !== ReservationStatus.Released)
      throw new RangeError(`release() stores RELEASED reservations, not ${reservation.status}`);
    const stored = toPersistence(reservation, reservation.version + 1);
    const update = this.models.reservations.transaction.update(
      { pk: stored.pk, sk: stored.sk },
      { $SET: { status: stored.status, updatedAt: stored.updatedAt, version: stored.version } },
      {
        condition: new dynamoose.Condition('status')
          .eq(ReservationStatus.Reserved)
          .and()
          .where('version')
          .eq(reservation.version),
      },
    );
    const givesBack = reservation.lines.map((line) =>
      this.models.stock.transaction.update(
        { pk: stockPk(line.sku), sk: STOCK_SK },
        { $ADD: { available: line.quantity, reserved: -line.quantity } },
        { condition: new dynamoose.Condition('reserved').ge(line.quantity) },
      ),
    );
    await this.write(reservation, [update, ...givesBack], outbox, event, (codes) =>
      codes.slice(RESERVATION).includes(CONDITION_FAILED)
        ? new ConcurrentInventoryChange({ orderId: reservation.orderId })
        : undefined,
    );
  }

  private createReservation(reservation: Reservation) {
    // overwrite: false adds attribute_not_exists(pk): an order has one reservation, whatever it holds.
    return this.models.reservations.transaction.create(toPersistence(reservation, reservation.version + 1), {
      overwrite: false,
    });
  }

  /**
   * Runs the handled-event marker, `changes` (the reservation first) and the outbox as one transaction, and turns
   * a cancellation into the error the port promises: `specific` names what only this write can tell.
   */
  private async write(
    reservation: Reservation,
    changes: readonly unknown[],
    outbox: readonly EventEnvelope[],
    event: HandledEvent,
    specific: (codes: readonly string[]) => Error | undefined,
  ): Promise<void> {
    if (outbox.length > MAX_OUTBOX_PER_WRITE)
      throw new RangeError(`At most ${MAX_OUTBOX_PER_WRITE} events can be stored with one write, got ${outbox.length}`);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + RETENTION_MS);
    const storedVersion = reservation.version + 1;
    const handled = this.models.handledEvents.transaction.create(
      {
        pk: handledEventPk(event.eventId),
        sk: HANDLED_SK,
        eventId: event.eventId,
        eventType: event.eventType,
        handledAt: now,
        expiresAt,
      },
      { overwrite: false },
    );
    const outboxWrites = outbox.map((envelope, position) =>
      this.models.outbox.transaction.create(
        toOutboxRecord(envelope, { orderId: reservation.orderId, storedVersion, position, expiresAt }),
        { overwrite: false },
      ),
    );
    try {
      await dynamoose.transaction([handled, ...changes, ...outboxWrites] as Parameters<
        typeof dynamoose.transaction
      >[0]);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      const orderId = reservation.orderId;
      if (codes[HANDLED] === CONDITION_FAILED)
        throw new EventAlreadyProcessed({ eventId: event.eventId }, { cause: error });
      if (codes.includes(TRANSACTION_CONFLICT)) throw new ConcurrentInventoryChange({ orderId }, { cause: error });
      const known = specific(codes);
      if (known) throw Object.assign(known, { cause: error });
      if (codes[RESERVATION] === CONDITION_FAILED) throw new ReservationAlreadyRecorded({ orderId }, { cause: error });
      throw error;
    }
  }
}
