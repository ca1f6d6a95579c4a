import { Reservation, reservationLines, shortagesFor, type ReservationLine } from '@harbor/inventory-domain';
import {
  ConcurrentInventoryChange,
  EventAlreadyProcessed,
  ReservationAlreadyRecorded,
  StockShortfall,
} from '../errors';
import { stockRejectedEnvelope, stockReservedEnvelope, type EnvelopeOrigin } from '../inventory-event-envelopes';
import type { Clock } from '@harbor/shared-kernel';
import type { IdGenerator } from '../ports/id-generator.port';
import type { ReservationRepository } from '../ports/reservation.repository.port';
import type { StockRepository } from '../ports/stock.repository.port';

/** An OrderPlaced event, as far as inventory needs it. */
export interface ReserveStockCommand {
  readonly eventId: string;
  readonly eventType: string;
  readonly correlationId: string;
  readonly orderId: string;
  readonly lines: readonly ReservationLine[];
}

export type ReserveStockOutcome = 'reserved' | 'rejected' | 'duplicate';

export interface ReserveStockDependencies {
  readonly reservationRepository: ReservationRepository;
  readonly stockRepository: StockRepository;
  readonly clock: Clock;
  readonly idGenerator: IdGenerator;
}

const isDuplicate = (error: unknown): boolean =>
  error instanceof EventAlreadyProcessed || error instanceof ReservationAlreadyRecorded;

export class ReserveStock {
  constructor(private readonly deps: ReserveStockDependencies) {}

  /**
   * Reserves every line of the order in one transaction (all or none) with StockReserved in its outbox. When
   * a line is short, nothing is reserved and StockRejected names each short SKU. A redelivered event, or an
   * order already reserved, rejected or cancelled, changes nothing ('duplicate').
   */
  async execute(command: ReserveStockCommand): Promise<ReserveStockOutcome> {
    const { reservationRepository, stockRepository, clock, idGenerator } = this.deps;
    const lines = reservationLines(command.lines);
    const now = clock.now();
    const origin: EnvelopeOrigin = { idGenerator, occurredAt: now, cause: command };
    const event = { eventId: command.eventId, eventType: command.eventType };

    const reservation = Reservation.reserved(command.orderId, lines, now);
    try {
      const outbox = [
        stockReservedEnvelope({ orderId: reservation.orderId, lines: lines.map((line) => ({ ...line })) }, origin),
      ];
      await reservationRepository.reserve(reservation, outbox, event);
      return 'reserved';
    } catch (error) {
      if (isDuplicate(error)) return 'duplicate';
      if (!(error instanceof StockShortfall)) throw error;
    }

    // The transaction decided; this read only explains why, SKU by SKU.
    const shortages = shortagesFor(lines, await stockRepository.findMany(lines.map((line) => line.sku)));
    // Stock came back between the two: try again rather than reject an order that can now be served.
    if (shortages.length === 0) throw new ConcurrentInventoryChange({ orderId: reservation.orderId });
    const rejected = Reservation.rejected(command.orderId, shortages, now);
    try {
      await reservationRepository.record(
        rejected,
        [
          stockRejectedEnvelope(
            { orderId: rejected.orderId, reasons: shortages.map((shortage) => ({ ...shortage })) },
            origin,
          ),
        ],
        event,
      );
      return 'rejected';
    } catch (error) {
      if (isDuplicate(error)) return 'duplicate';
      throw error;
    }
  }
}
