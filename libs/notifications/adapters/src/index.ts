export {
  DynamooseConnectionRepository,
  type DynamooseRepositoryOptions,
} from './dynamoose/connection.dynamoose.repository';
export { DynamooseNotificationRepository } from './dynamoose/notification.dynamoose.repository';
export { DynamoosePushLedger } from './dynamoose/push-ledger.dynamoose';
export {
  ApiGatewayConnectionGateway,
  type ApiGatewayConnectionGatewayOptions,
} from './websocket/api-gateway.connection-gateway';
export { JoseTokenVerifier, type JoseTokenVerifierOptions } from './auth/jose.token-verifier';
