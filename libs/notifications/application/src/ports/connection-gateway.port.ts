import type { OrderStatusMessage } from '@harbor/notifications-domain';

/** `gone`: the connection is closed (API Gateway's 410), so it will never take a message again. */
export type PostOutcome = 'delivered' | 'gone';

/** Sends messages to WebSocket connections (API Gateway's @connections API). Other failures throw. */
export interface ConnectionGateway {
  post(connectionId: string, message: OrderStatusMessage): Promise<PostOutcome>;
}
