// Test doubles of the inventory ports, for use-case, adapter and handler tests: never imported by production
// code, which is why they sit behind `@harbor/inventory-application/testing` and not in the barrel.
export { InMemoryInventory } from './in-memory-inventory';
export { SequentialIdGenerator } from './sequential-id-generator';
export { describeInventoryRepositoryContract, type InventoryRepositoryHarness } from './inventory-repository.contract';
