import { createTables } from '@harbor/local-cloud-dynamodb';
import { nothingToStop, type LocalCloudModule } from '../local-cloud-module';

/** Waits for DynamoDB Local, then creates every declared table (the dynamodb module stops it). */
export const tablesModule = (): LocalCloudModule => ({
  name: 'tables',
  async start(context) {
    const dynamo = await context.need('dynamodb').ready;
    await createTables(dynamo.endpoint, context.need('services'), context.config.env);
  },
  stop: nothingToStop,
});
