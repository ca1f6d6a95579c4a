// Test doubles of the orders ports, for use-case, adapter and handler tests: never imported by production
// code, which is why they sit behind `@harbor/orders-application/testing` and not in the barrel.
export { InMemoryOrderRepository } from './in-memory-order.repository';
export { InMemoryCatalogPrices } from './in-memory-catalog-prices';
export { InMemoryPaymentDeadlines } from './in-memory-payment-deadlines';
export { SequentialIdGenerator } from './sequential-id-generator';
export { RecordingEventPublisher } from './recording-event-publisher';
export { describeOrderRepositoryContract, type OrderRepositoryHarness } from './order-repository.contract';
