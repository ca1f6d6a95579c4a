export {
  DynamooseProductRepository,
  type DynamooseProductRepositoryOptions,
} from './dynamoose/product.dynamoose.repository';
export { catalogOutboxStore } from './outbox/catalog-outbox.store';
export { CryptoIdGenerator } from './system/crypto.id-generator';
