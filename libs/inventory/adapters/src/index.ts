export { DynamooseStockRepository, type DynamooseStockRepositoryOptions } from './dynamoose/stock.dynamoose.repository';
export {
  DynamooseReservationRepository,
  type DynamooseReservationRepositoryOptions,
} from './dynamoose/reservation.dynamoose.repository';
export { inventoryOutboxStore } from './outbox/inventory-outbox.store';
export { CryptoIdGenerator } from './system/crypto.id-generator';
