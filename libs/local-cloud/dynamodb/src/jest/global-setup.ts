// First, so the @harbor/* imports below resolve when Jest loads this file with Node's resolver.
import './register-workspace-aliases';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { createTables } from '../create-tables';
import { startDynamoDbLocal } from '../start-dynamodb-local';
import { keepInstance } from './shared-instance';

export const TEST_ENV = 'test';

/**
 * Jest globalSetup: one in-memory DynamoDB Local per test run with every declared table (env `test`).
 * Workers inherit AWS_ENDPOINT_URL_DYNAMODB and HARBOR_ENV, so adapters need no test-only code path.
 */
export default async function globalSetup(): Promise<void> {
  // This runs in Jest's parent process, which the per-worker setup files never reach.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Tables are all these tests need; handler files are checked where functions are run.
  const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false });
  const dynamoDb = await startDynamoDbLocal();
  try {
    await createTables(dynamoDb.endpoint, services, TEST_ENV);
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
  keepInstance(dynamoDb);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamoDb.endpoint;
  process.env.HARBOR_ENV = TEST_ENV;
}
