// Test doubles of the catalog ports, for use-case and handler tests: never imported by production code.
export { InMemoryProductRepository } from './in-memory-product.repository';
export { SequentialIdGenerator } from './fixed-ids';
