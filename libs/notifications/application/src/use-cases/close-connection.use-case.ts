import type { ConnectionRepository } from '../ports/connection.repository.port';

export interface CloseConnectionCommand {
  readonly connectionId: string;
}

export class CloseConnection {
  constructor(private readonly deps: { readonly connections: ConnectionRepository }) {}

  /** Forgets a closed connection; closing one twice is harmless. */
  async execute(command: CloseConnectionCommand): Promise<void> {
    await this.deps.connections.remove(command.connectionId);
  }
}
