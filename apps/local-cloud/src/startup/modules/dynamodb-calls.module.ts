import { dynamoDbPassthrough } from '@harbor/local-cloud-dynamodb';
import type { LocalCloudModule } from '../local-cloud-module';

/** The functions' DynamoDB calls on the AWS endpoint: traced, faulted on demand, then passed to DynamoDB Local. */
export function dynamoDbCallsModule(): LocalCloudModule {
  let passthrough: ReturnType<typeof dynamoDbPassthrough> | undefined;
  return {
    name: 'DynamoDB calls',
    start(context) {
      passthrough = dynamoDbPassthrough({
        upstream: context.need('dynamodb').endpoint,
        trace: context.trace,
        callerCorrelationId: context.need('runtime').correlationIdOfTraceHeader,
        faults: context.need('faults'),
      });
      context.provide('dynamodbCalls', passthrough);
    },
    stop() {
      passthrough?.close();
    },
  };
}
