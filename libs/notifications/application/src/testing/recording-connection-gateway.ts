import type { OrderStatusMessage } from '@harbor/notifications-domain';
import type { ConnectionGateway, PostOutcome } from '../ports/connection-gateway.port';

/** A ConnectionGateway that remembers what it sent; connections can be made gone or failing. */
export class RecordingConnectionGateway implements ConnectionGateway {
  readonly sent: { readonly connectionId: string; readonly message: OrderStatusMessage }[] = [];
  private readonly gone = new Set<string>();
  private readonly failing = new Set<string>();

  markGone(connectionId: string): void {
    this.gone.add(connectionId);
  }

  failFor(connectionId: string): void {
    this.failing.add(connectionId);
  }

  async post(connectionId: string, message: OrderStatusMessage): Promise<PostOutcome> {
    if (this.failing.has(connectionId)) throw new Error(`posting to ${connectionId} failed`);
    if (this.gone.has(connectionId)) return 'gone';
    this.sent.push({ connectionId, message });
    return 'delivered';
  }
}
