import type { DynamoDbLocal } from '../start-dynamodb-local';

// Jest runs globalSetup and globalTeardown in the same process but not through one module registry,
// so the running instance is handed over on globalThis.
const INSTANCE = Symbol.for('harbor.dynamodb-local.jest-instance');

export function keepInstance(instance: DynamoDbLocal | undefined): void {
  (globalThis as Record<symbol, unknown>)[INSTANCE] = instance;
}

export function takeInstance(): DynamoDbLocal | undefined {
  const globals = globalThis as Record<symbol, DynamoDbLocal | undefined>;
  const instance = globals[INSTANCE];
  globals[INSTANCE] = undefined;
  return instance;
}
