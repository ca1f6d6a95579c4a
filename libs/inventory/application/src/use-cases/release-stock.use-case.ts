import { Reservation } from '@harbor/inventory-domain';
import { ConcurrentInventoryChange, EventAlreadyProcessed, ReservationAlreadyRecorded } from '../errors';
import type { Clock } from '@harbor/shared-kernel';
import type { ReservationRepository } from '../ports/reservation.repository.port';

/** An OrderCancelled or OrderExpired event, as far as inventory needs it. */
export interface ReleaseStockCommand {
  readonly eventId: string;
  readonly eventType: string;
  readonly orderId: string;
}

/** released: stock went back. nothing-held: rejected, voided or released before. voided: cancelled before it was reserved. */
export type ReleaseStockOutcome = 'released' | 'nothing-held' | 'voided' | 'duplicate';

export interface ReleaseStockDependencies {
  readonly reservationRepository: ReservationRepository;
  readonly clock: Clock;
}

/** A race lost to a concurrent writer is retried on fresh data this many times before the bus retries the event. */
const MAX_ATTEMPTS = 3;

export class ReleaseStock {
  constructor(private readonly deps: ReleaseStockDependencies) {}

  /**
   * Gives back exactly what the order's reservation holds, once. An order cancelled before inventory saw it is
   * voided, so its OrderPlaced, arriving late, reserves nothing.
   */
  async execute(command: ReleaseStockCommand): Promise<ReleaseStockOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(command);
      } catch (error) {
        if (error instanceof EventAlreadyProcessed) return 'duplicate';
        const lostRace = error instanceof ConcurrentInventoryChange || error instanceof ReservationAlreadyRecorded;
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async attempt(command: ReleaseStockCommand): Promise<ReleaseStockOutcome> {
    const { reservationRepository, clock } = this.deps;
    const event = { eventId: command.eventId, eventType: command.eventType };
    const now = clock.now();
    const reservation = await reservationRepository.findByOrderId(command.orderId.toLowerCase());
    if (!reservation) {
      await reservationRepository.record(Reservation.voided(command.orderId, now), [], event);
      return 'voided';
    }
    if (reservation.release(now).length === 0) return 'nothing-held';
    await reservationRepository.release(reservation, [], event);
    return 'released';
  }
}
