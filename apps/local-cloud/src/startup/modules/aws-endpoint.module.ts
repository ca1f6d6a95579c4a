import { withConsole } from '@harbor/local-cloud-console';
import type { Server } from 'node:http';
import { awsEndpoint } from '../../aws-endpoint';
import { requireJsonForStateChanges } from '../../http/json-state-changes';
import { closeServer, listen } from '../../http/listen';
import type { IncomingRequest, OutgoingResponse } from '../../http/incoming-request';
import { lambdaInvokeEndpoint } from '../../lambda-api/lambda-invoke-endpoint';
import { localEndpoints } from '../../local-endpoints';
import { busArn, busName } from '../../resource-names';
import { signingNameOf } from '../../not-emulated/aws-request-identity';
import { localSecrets, secretsManager } from '../../secrets-manager';
import type { LocalCloudModule } from '../local-cloud-module';
import type { StartContext } from '../start-context';

type Handler = (request: IncomingRequest) => Promise<OutgoingResponse>;

/** The AWS services the functions call here, each with the SigV4 signing name and error protocol AWS uses. */
function signedEndpoints(context: StartContext) {
  const { config } = context;
  const messaging = context.need('messaging');
  const runtime = context.need('runtime');
  const lambdaInvoke = lambdaInvokeEndpoint({
    functions: () => runtime.functions,
    invoker: context.need('invoker'),
    deliver: (request) => messaging.delivery.deliver(request),
    callerCorrelationId: runtime.correlationIdOfTraceHeader,
    region: config.region,
    accountId: config.accountId,
  });
  const secrets = secretsManager(localSecrets(context.need('services'), context.naming, config.secretsFile));
  const connections = context.need('websocketApis').connections;
  const dynamodb = { signingName: 'dynamodb', errors: 'json', typePrefix: 'com.amazon.coral.service#' } as const;
  return [
    { endpoint: messaging.sns, signing: { signingName: 'sns', errors: 'query' } },
    { endpoint: messaging.eventBridge, signing: { signingName: 'events', errors: 'json' } },
    { endpoint: connections, signing: { signingName: 'execute-api', errors: 'api-gateway' } },
    { endpoint: context.need('dynamodbCalls'), signing: dynamodb },
    { endpoint: secrets, signing: { signingName: 'secretsmanager', errors: 'json' } },
    { endpoint: context.need('schedules').endpoint, signing: { signingName: 'scheduler', errors: 'api-gateway' } },
    { endpoint: lambdaInvoke, signing: { signingName: 'lambda', errors: 'api-gateway' } },
  ] as const;
}

/**
 * The AWS endpoint's whole routing, built once: the console's /_local API, then its pages and try-it relay for
 * unsigned requests, then the AWS services and the local cloud's own /_local API.
 */
function awsEndpointHandler(context: StartContext): Handler {
  const messaging = context.need('messaging');
  const rest = context.need('restApis');
  const httpApis = context.need('httpApis');
  const websocketApis = context.need('websocketApis');
  const routes = () => rest.apis.flatMap((api) => api.routes().map((route) => ({ ...route, api: api.name })));
  const v2Routes = () => ({ httpApi: httpApis.routes(), websocket: websocketApis.routes() });
  const local = localEndpoints({
    issuer: context.need('issuer'),
    trace: context.trace,
    deadLetters: messaging.delivery.deadLetters,
    routes,
    v2Routes,
    faults: context.need('faults'),
  });
  const awsCalls: Handler = awsEndpoint(signedEndpoints(context), local, context.config.region, context.options.warn);
  const apiOrigins = [rest.url, httpApis.url];
  const withPages = withConsole(awsCalls, { workspaceRoot: context.workspaceRoot, apiOrigins });
  // A signed GET / is an SDK's call (S3 ListBuckets), never a browser asking for the console's page.
  const pagesOrCalls: Handler = (request) =>
    signingNameOf(request) === undefined ? withPages(request) : awsCalls(request);
  const declarations = {
    env: context.naming.env,
    topics: messaging.topics,
    subscriptions: messaging.subscriptions,
    buses: [{ name: busName(context.naming), arn: busArn(context.naming) }],
    rules: messaging.rules,
  };
  const urls = { restApi: rest.url, httpApi: httpApis.url, websocketUrls: websocketApis.urlsByApi };
  // The console's publish and put-events go through the very emulators the SDKs call, without SigV4.
  const publishing = { sns: messaging.sns, eventBridge: messaging.eventBridge };
  const serving = { messaging: declarations, routes, v2Routes, publishing, ...urls };
  return requireJsonForStateChanges(context.need('console').serve(pagesOrCalls, serving));
}

/** Listens last of the APIs, with its routing complete: no request is ever answered by a half-built endpoint. */
export function awsEndpointModule(): LocalCloudModule {
  let server: Server | undefined;
  return {
    name: 'AWS endpoint',
    async start(context) {
      const guard = { hosts: context.hosts, sameOriginOnly: true };
      // The console's event stream needs the open response, so it is taken before the whole-response handler.
      const rawRoutes = { takeRaw: context.need('console').takeStream };
      const port = context.need('ports').aws;
      server = await listen(context.config.host, port, awsEndpointHandler(context), guard, rawRoutes);
    },
    async stop() {
      if (server) await closeServer(server);
    },
  };
}
