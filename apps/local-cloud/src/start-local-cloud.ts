import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import type { LocalCloudConfig } from './config';
import type { Firing } from './scheduler/local-scheduler';
import { startModules, type LocalCloudModule } from './startup/local-cloud-module';
import { awsEndpointModule } from './startup/modules/aws-endpoint.module';
import { consoleModule } from './startup/modules/console.module';
import { dataDirModule } from './startup/modules/data-dir.module';
import { declarationsModule } from './startup/modules/declarations.module';
import { dynamoDbCallsModule } from './startup/modules/dynamodb-calls.module';
import { dynamoDbModule } from './startup/modules/dynamodb.module';
import { functionBundlesModule } from './startup/modules/function-bundles.module';
import { httpApisModule } from './startup/modules/http-apis.module';
import { issuerModule } from './startup/modules/issuer.module';
import { lambdaRuntimeModule } from './startup/modules/lambda-runtime.module';
import { messagingModule, redeliveryModule } from './startup/modules/messaging.module';
import { portsModule } from './startup/modules/ports.module';
import { restApisModule } from './startup/modules/rest-apis.module';
import { schedulerClockModule, schedulesModule } from './startup/modules/scheduler.module';
import { streamsModule } from './startup/modules/streams.module';
import { tablesModule } from './startup/modules/tables.module';
import { webSocketApisModule } from './startup/modules/websocket-apis.module';
import { StartContext } from './startup/start-context';
import type { StartOptions } from './startup/start-options';

export type { StartOptions } from './startup/start-options';

export interface LocalCloudEndpoints {
  readonly restApi: string;
  readonly httpApi: string;
  readonly websocket: string;
  /** Service name to the URL its WebSocket clients connect to. */
  readonly websocketApis: Readonly<Record<string, string>>;
  readonly aws: string;
  readonly dynamodb: string;
}

export interface RunningLocalCloud {
  readonly endpoints: LocalCloudEndpoints;
  readonly trace: TraceRecorder;
  /** The declarations it runs (each service's api folder), as loaded at start. */
  readonly services: readonly ServiceDefinition[];
  /** Every schedule that fired since start, with when it was due and when it fired (firing accuracy). */
  readonly firings: readonly Firing[];
  /** Resolves when no SNS/EventBridge delivery or retry is pending. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The local cloud, in start order; it stops in reverse. DynamoDB Local's JVM starts first and everything up to the
 * tables is built while it boots; the listeners come after what they route to, so each is built whole.
 */
const localCloudModules = (): LocalCloudModule[] => [
  dataDirModule(),
  portsModule(),
  dynamoDbModule(),
  declarationsModule(),
  issuerModule(),
  consoleModule(),
  lambdaRuntimeModule(),
  messagingModule(),
  schedulesModule(),
  restApisModule(),
  httpApisModule(),
  webSocketApisModule(),
  dynamoDbCallsModule(),
  awsEndpointModule(),
  tablesModule(),
  functionBundlesModule(),
  streamsModule(),
  redeliveryModule(),
  schedulerClockModule(),
];

/**
 * Composition root of the local cloud: DynamoDB Local with the declared tables, the Lambda runtime with every
 * declared function, SNS/EventBridge from events.yaml, one REST API per openapi.yaml, the HTTP and WebSocket APIs
 * (http-api.yaml, websocket.yaml), the AWS endpoint and the console. A failure half-way stops what started.
 */
export async function startLocalCloud(config: LocalCloudConfig, options: StartOptions): Promise<RunningLocalCloud> {
  const context = new StartContext(config, options);
  const stop = await startModules(localCloudModules(), context);
  const ports = context.need('ports');
  const websocketApis = context.need('websocketApis');
  const messaging = context.need('messaging');
  return {
    endpoints: {
      restApi: context.need('restApis').url,
      httpApi: context.need('httpApis').url,
      websocket: websocketApis.url,
      websocketApis: websocketApis.urls,
      aws: context.url(ports.aws),
      dynamodb: context.need('dynamodb').endpoint,
    },
    trace: context.trace,
    services: context.need('services'),
    firings: context.firings,
    whenIdle: () => messaging.delivery.whenIdle(),
    close: stop,
  };
}
