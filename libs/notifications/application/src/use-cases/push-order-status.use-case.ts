import type { OrderStatusDto } from '@harbor/contracts';
import { orderStatusMessage } from '@harbor/notifications-domain';
import type { Clock } from '@harbor/shared-kernel';
import type { ConnectionGateway } from '../ports/connection-gateway.port';
import type { ConnectionRepository } from '../ports/connection.repository.port';
import type { PushLedger } from '../ports/push-ledger.port';

export interface PushOrderStatusCommand {
  /** The OrderStatusChanged event's id: a redelivery of it is pushed no second time. */
  readonly eventId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly status: OrderStatusDto;
}

export type PushOrderStatusOutcome =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'pushed'; readonly delivered: number; readonly removedStale: number };

export interface PushOrderStatusDependencies {
  readonly connections: ConnectionRepository;
  readonly gateway: ConnectionGateway;
  readonly ledger: PushLedger;
  readonly clock: Clock;
}

export class PushOrderStatus {
  constructor(private readonly deps: PushOrderStatusDependencies) {}

  /**
   * Sends the status change to every open connection of the order's customer, once per event. A connection API
   * Gateway reports gone is removed. Any other failure gives the claim back and throws, so the message is
   * delivered again and pushed then.
   */
  async execute(command: PushOrderStatusCommand): Promise<PushOrderStatusOutcome> {
    const now = this.deps.clock.now();
    if (!(await this.deps.ledger.claim(command.eventId, now))) return { kind: 'duplicate' };
    try {
      const message = orderStatusMessage(command);
      const open = (await this.deps.connections.findByCustomer(command.customerId)).filter(
        (connection) => !connection.hasExpired(now),
      );
      let delivered = 0;
      let removedStale = 0;
      for (const connection of open) {
        if ((await this.deps.gateway.post(connection.connectionId, message)) === 'delivered') {
          delivered += 1;
        } else {
          await this.deps.connections.remove(connection.connectionId);
          removedStale += 1;
        }
      }
      return { kind: 'pushed', delivered, removedStale };
    } catch (error) {
      await this.deps.ledger.release(command.eventId);
      throw error;
    }
  }
}
