import { CustomerConnection } from '@harbor/notifications-domain';
import type { Clock } from '@harbor/shared-kernel';
import type { ConnectionRepository } from '../ports/connection.repository.port';

export interface OpenConnectionCommand {
  readonly connectionId: string;
  /** From the `$connect` authorizer, never from the client. */
  readonly customerId: string;
}

export interface OpenConnectionDependencies {
  readonly connections: ConnectionRepository;
  readonly clock: Clock;
}

export class OpenConnection {
  constructor(private readonly deps: OpenConnectionDependencies) {}

  /** Remembers a customer's new connection until it closes or its lifetime ends. */
  async execute(command: OpenConnectionCommand): Promise<CustomerConnection> {
    const connection = CustomerConnection.open(command.connectionId, command.customerId, this.deps.clock.now());
    await this.deps.connections.save(connection);
    return connection;
  }
}
