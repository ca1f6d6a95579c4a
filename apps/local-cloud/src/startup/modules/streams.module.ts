import type { RunningStreamMappings } from '@harbor/local-cloud-messaging';
import { startStreams } from '../../stream-mappings';
import type { LocalCloudModule } from '../local-cloud-module';

/** The tables' stream event source mappings, once the tables exist. */
export function streamsModule(): LocalCloudModule {
  let streams: RunningStreamMappings | undefined;
  return {
    name: 'DynamoDB streams',
    async start(context) {
      const { dataDir } = context.config;
      streams = await startStreams(context.need('services'), {
        naming: context.naming,
        dynamodbEndpoint: (await context.need('dynamodb').ready).endpoint,
        invoker: context.need('invoker'),
        trace: context.trace,
        deadLetters: context.need('messaging').delivery.deadLetters,
        faults: context.need('faults'),
        ...(dataDir === undefined ? {} : { checkpointDir: `${dataDir}/stream-checkpoints` }),
      });
    },
    async stop() {
      await streams?.stop();
    },
  };
}
