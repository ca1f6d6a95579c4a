import type { ConnectionSummary } from '../websocket-api.types';
import type { Connection } from './connection';

/** The open connections of one API, by connection id. */
export class ConnectionRegistry {
  private readonly byId = new Map<string, Connection>();

  add(connection: Connection): void {
    this.byId.set(connection.connectionId, connection);
  }

  get(connectionId: string): Connection | undefined {
    return this.byId.get(connectionId);
  }

  /** True when it was still registered (so `$disconnect` runs once per connection). */
  remove(connectionId: string): boolean {
    return this.byId.delete(connectionId);
  }

  all(): Connection[] {
    return [...this.byId.values()];
  }

  summaries(): ConnectionSummary[] {
    return this.all().map((connection) => ({
      connectionId: connection.connectionId,
      connectedAt: new Date(connection.connectedAt).toISOString(),
      lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
      sourceIp: connection.handshake.sourceIp,
      userAgent: connection.handshake.userAgent,
    }));
  }
}
