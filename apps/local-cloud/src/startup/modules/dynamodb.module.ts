import { startDynamoDbLocal, type DynamoDbLocal } from '@harbor/local-cloud-dynamodb';
import type { LocalCloudModule } from '../local-cloud-module';

/**
 * Starts DynamoDB Local's JVM, the longest part of start-up, and does not wait for it: the modules after it are
 * built while it boots, and the tables module waits for it.
 */
export function dynamoDbModule(): LocalCloudModule {
  let starting: Promise<DynamoDbLocal> | undefined;
  return {
    name: 'DynamoDB Local',
    start(context) {
      const { config } = context;
      const port = context.need('ports').dynamodb;
      starting = startDynamoDbLocal({ port, dataDir: config.dataDir, allowedHosts: config.allowedHosts });
      starting.catch(() => undefined); // awaited by the tables module; keeps an early failure from being unhandled
      context.provide('dynamodb', { endpoint: context.url(port), ready: starting });
    },
    async stop() {
      const dynamo = await starting?.catch(() => undefined); // a JVM that failed to start left nothing to stop
      await dynamo?.stop();
    },
  };
}
