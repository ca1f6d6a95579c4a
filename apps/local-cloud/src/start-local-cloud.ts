import { createLocalIssuer } from '@harbor/local-cloud-auth';
import { withConsole } from '@harbor/local-cloud-console';
import { DeadLetterLog, DeliveryJournal, faultInjectingInvoker, FaultInjector } from '@harbor/local-cloud-delivery';
import { restApiListener } from '@harbor/local-cloud-api-gateway';
import { createLambdaRuntime } from '@harbor/local-cloud-lambda';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createTables, startDynamoDbLocal } from '@harbor/platform-dynamodb-local';
import { loadServiceDefinitions, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { startApiGatewayV2 } from './apigateway-v2';
import { awsEndpoint } from './aws-endpoint';
import type { LocalCloudConfig } from './config';
import { dynamoDbPassthrough } from './dynamodb-passthrough';
import { functionSpecs, localFunctionEnvironment } from './function-specs';
import { createConsoleBackend } from './console-endpoints';
import { guardServer } from './http/guard-server';
import { requireJsonForStateChanges } from './http/json-state-changes';
import { closeServer, freePort, listen, portOf } from './http/listen';
import { lambdaInvokeEndpoint } from './lambda-api/lambda-invoke-endpoint';
import { signingNameOf } from './not-emulated/aws-request-identity';
import { localEndpoints } from './local-endpoints';
import { localSecrets, secretsManager } from './secrets-manager';
import { createLocalSchedules } from './scheduler/local-schedules';
import type { Firing } from './scheduler/local-scheduler';
import { createMessaging } from './messaging';
import { placeholderResolver } from './placeholders';
import { createRestApis, restApiDispatcher } from './rest-apis';
import { startStreams } from './stream-mappings';
import { assertEmulated } from './unsupported-declarations';

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

export interface StartOptions {
  readonly workspaceRoot: string;
  /** Each function's log lines; default prints them prefixed with the function's name. */
  readonly log?: (functionId: string, line: string) => void;
  /** The local cloud's own warnings (a call it does not emulate, once per service and action); default stderr. */
  readonly warn?: (line: string) => void;
}

/**
 * Composition root of the local cloud: DynamoDB Local with the declared tables, the Lambda runtime with every
 * declared function, SNS/EventBridge from events.yaml, one REST API per openapi.yaml, the HTTP and WebSocket APIs
 * (http-api.yaml, websocket.yaml), and the AWS endpoint.
 * DynamoDB Local's JVM starts first and everything else is built while it boots.
 */
export async function startLocalCloud(config: LocalCloudConfig, options: StartOptions): Promise<RunningLocalCloud> {
  if (config.fresh && config.dataDir) rmSync(config.dataDir, { recursive: true, force: true });
  const dynamodbPort = config.dynamodbPort === 0 ? await freePort(config.host) : config.dynamodbPort;
  const dynamoStarting = startDynamoDbLocal({ port: dynamodbPort, dataDir: config.dataDir, allowedHosts: config.allowedHosts });
  dynamoStarting.catch(() => undefined); // awaited below; keeps an early failure from being unhandled meanwhile

  const naming = { env: config.env, region: config.region, accountId: config.accountId };
  // Every listener answers loopback Host names only (DNS rebinding); the AWS endpoint also only its own pages.
  const hosts = { allowedHosts: config.allowedHosts, bindHost: config.host };
  const trace = new TraceRecorder();
  const servers: Server[] = [];
  const stopping: (() => Promise<void>)[] = [];
  try {
    // Read while the JVM boots; a bad declaration stops it again through the catch below.
    const services = loadServiceDefinitions(options.workspaceRoot);
    assertEmulated(services, options.workspaceRoot);
    // The AWS endpoint listens first: the issuer URL and the functions' endpoint variables need its port.
    let handleAws: Parameters<typeof listen>[2] = async () => ({ status: 503, body: 'starting' });
    const awsServer = await listen(config.host, config.awsPort, (request) => handleAws(request), { hosts, sameOriginOnly: true });
    servers.push(awsServer);
    const aws = `http://${config.host}:${portOf(awsServer)}`;
    const dynamodb = `http://${config.host}:${dynamodbPort}`;

    // With data on disk the signing key is kept beside it: tokens minted before a restart still verify after it.
    const issuer = await createLocalIssuer({ issuerUrl: `${aws}/_local`, ...(config.dataDir === undefined ? {} : { keyFile: `${config.dataDir}/local-issuer-key.json` }) });
    // The console keeps every function log line and follows the trace from the first hop.
    const consoleBackend = createConsoleBackend({ trace, services, naming, dynamodbEndpoint: dynamodb, functions: () => runtime.functions, correlationIdOfRequest: (requestId) => runtime.correlationIdOfRequest(requestId), log: options.log });
    stopping.push(async () => consoleBackend.close());
    const runtime = createLambdaRuntime({
      functions: functionSpecs(services, naming, (service) => placeholderResolver(service, naming, issuer), options.workspaceRoot),
      trace,
      hotReload: config.hotReload,
      log: consoleBackend.log,
      region: config.region,
      accountId: config.accountId,
      sharedEnvironment: localFunctionEnvironment(aws, config.env),
    });
    stopping.push(() => runtime.close());
    // Every caller invokes through the fault injector (/_local/faults), so injected function faults reach them all.
    const faults = new FaultInjector(config.faults);
    const invoker = faultInjectingInvoker(runtime, faults);
    // On disk, deliveries accepted and not yet settled survive a kill and are delivered after the restart.
    const journal = config.dataDir === undefined ? undefined : DeliveryJournal.open(`${config.dataDir}/delivery-journal.jsonl`);
    if (journal) stopping.push(async () => journal.journal.close()); // after delivery stops (stopping runs in reverse)
    // Dead letters stay in their queues until redriven, across restarts too, as in SQS.
    const deadLetterLog = config.dataDir === undefined ? undefined : DeadLetterLog.open(`${config.dataDir}/dead-letters.jsonl`);
    if (deadLetterLog) stopping.push(async () => deadLetterLog.log.close());
    const messaging = createMessaging(services, naming, invoker, trace, { faults, ...(journal ? { journal: journal.journal } : {}), ...(deadLetterLog ? { deadLetterLog } : {}) });
    stopping.push(async () => messaging.delivery.stop());
    // With data on disk, schedules outlive a restart; the clock may run faster than real time (--scheduler-speed).
    const firings: Firing[] = [];
    const schedules = createLocalSchedules(services, {
      naming,
      deliver: (request) => messaging.delivery.deliver(request),
      file: config.dataDir === undefined ? undefined : `${config.dataDir}/schedules.json`,
      speed: config.schedulerSpeed,
      // The latest 10,000 only: a long session must not grow without bound.
      onFired: (firing) => firings.push(firing) > 10_000 && firings.shift(),
    });
    stopping.push(async () => schedules.scheduler.stop()); // before delivery stops (stopping runs in reverse)
    const apis = createRestApis(services, { workspaceRoot: options.workspaceRoot, naming, invoker, sns: messaging.sns, issuer, trace, apiKey: config.apiKey });
    const routes = () => apis.flatMap((api) => api.routes().map((route) => ({ ...route, api: api.name })));
    const v2 = await startApiGatewayV2(services, { workspaceRoot: options.workspaceRoot, naming, invoker, issuer, trace, host: config.host, guard: { hosts }, httpApiPort: config.httpApiPort, websocketPort: config.websocketPort, callerCorrelationId: runtime.correlationIdOfTraceHeader });
    stopping.push(() => v2.close());
    const dynamodbCalls = dynamoDbPassthrough({ upstream: dynamodb, trace, callerCorrelationId: runtime.correlationIdOfTraceHeader, faults });
    stopping.push(async () => dynamodbCalls.close());
    const lambdaInvoke = lambdaInvokeEndpoint({
      functions: () => runtime.functions,
      invoker,
      deliver: (request) => messaging.delivery.deliver(request),
      callerCorrelationId: runtime.correlationIdOfTraceHeader,
      region: config.region,
      accountId: config.accountId,
    });
    const signed = [
      { endpoint: messaging.sns, signing: { signingName: 'sns', errors: 'query' } },
      { endpoint: messaging.eventBridge, signing: { signingName: 'events', errors: 'json' } },
      { endpoint: v2.connections, signing: { signingName: 'execute-api', errors: 'api-gateway' } },
      { endpoint: dynamodbCalls, signing: { signingName: 'dynamodb', errors: 'json', typePrefix: 'com.amazon.coral.service#' } },
      { endpoint: secretsManager(localSecrets(services, naming, config.secretsFile)), signing: { signingName: 'secretsmanager', errors: 'json' } },
      { endpoint: schedules.endpoint, signing: { signingName: 'scheduler', errors: 'api-gateway' } },
      { endpoint: lambdaInvoke, signing: { signingName: 'lambda', errors: 'api-gateway' } },
    ] as const;
    handleAws = awsEndpoint(signed, localEndpoints({ issuer, trace, deadLetters: messaging.delivery.deadLetters, routes, v2Routes: v2.routes, faults }), config.region, options.warn);

    const restServer = guardServer(createServer(restApiListener({ handle: restApiDispatcher(apis) })), { hosts });
    await new Promise<void>((resolve, reject) => restServer.once('error', reject).listen(config.restPort, config.host, resolve));
    servers.push(restServer);
    // The web console in front of the AWS endpoint: GET / and /_console/* (built by npm start), and its try-it relay.
    // A signed GET / is an SDK's call (S3 ListBuckets), never a browser asking for the console's page.
    const awsCalls = handleAws;
    const withPages = withConsole(handleAws, { workspaceRoot: options.workspaceRoot, apiOrigins: [`http://${config.host}:${portOf(restServer)}`, v2.httpApi] });
    handleAws = (request) => (signingNameOf(request) === undefined ? withPages(request) : awsCalls(request));
    handleAws = consoleBackend.serve(handleAws, { messaging, routes, v2Routes: v2.routes, restApi: `http://${config.host}:${portOf(restServer)}`, httpApi: v2.httpApi, websocketApis: v2.websocketApis });
    handleAws = requireJsonForStateChanges(handleAws);
    consoleBackend.serveStream(awsServer);

    const dynamo = await dynamoStarting;
    stopping.push(() => dynamo.stop());
    await createTables(dynamo.endpoint, services, config.env);
    await runtime.ready();
    const streams = await startStreams(services, { naming, dynamodbEndpoint: dynamo.endpoint, invoker, trace, deadLetters: messaging.delivery.deadLetters, faults,
      ...(config.dataDir === undefined ? {} : { checkpointDir: `${config.dataDir}/stream-checkpoints` }),
    });
    stopping.push(() => streams.stop());
    if (journal) messaging.delivery.resume(journal.unsettled);
    schedules.scheduler.start();

    return {
      endpoints: { restApi: `http://${config.host}:${portOf(restServer)}`, httpApi: v2.httpApi, websocket: v2.websocket, websocketApis: v2.websocketApis, aws, dynamodb },
      trace,
      services,
      firings,
      whenIdle: () => messaging.delivery.whenIdle(),
      close: async () => {
        await Promise.all(servers.map(closeServer));
        for (const stop of stopping.reverse()) await stop();
      },
    };
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    for (const stop of stopping.reverse()) await stop().catch(() => undefined);
    await dynamoStarting.then((dynamo) => dynamo.stop()).catch(() => undefined);
    throw error;
  }
}
