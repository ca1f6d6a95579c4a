import { takeInstance } from './shared-instance';

/** Jest globalTeardown: stops the DynamoDB Local that globalSetup started (its port is free afterwards). */
export default async function globalTeardown(): Promise<void> {
  await takeInstance()?.stop();
  delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
}
