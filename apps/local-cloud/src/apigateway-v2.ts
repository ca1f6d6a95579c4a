import type { HttpApiRouteSummary } from '@harbor/local-cloud-api-gateway';
import type { WebSocketRouteSummary } from '@harbor/local-cloud-api-gateway';

/** Every route of the HTTP APIs and WebSocket APIs (API Gateway v2), each with the API that serves it. */
export interface ApiGatewayV2Routes {
  readonly httpApi: readonly (HttpApiRouteSummary & { api: string })[];
  readonly websocket: readonly (WebSocketRouteSummary & { api: string })[];
}
