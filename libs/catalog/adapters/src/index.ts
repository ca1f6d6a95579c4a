export { DynamooseProductRepository, type DynamooseProductRepositoryOptions } from './dynamoose/product.dynamoose.repository';
export { catalogOutboxStore } from './outbox/catalog-outbox.store';
export { CryptoIdGenerator, SystemClock } from './system/system.ports';
