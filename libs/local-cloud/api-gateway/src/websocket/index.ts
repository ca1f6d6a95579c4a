export { createWebSocketApi } from './create-websocket-api';
export { connectionsEndpoint, connectionsListener } from './management/connections-endpoint';
export type {
  ConnectionSummary,
  ConnectionsRequest,
  ConnectionsResponse,
  CreateWebSocketApiOptions,
  WebSocketApi,
  WebSocketAuthorizerDeclaration,
  WebSocketRouteDeclaration,
  WebSocketRouteSummary,
} from './websocket-api.types';
