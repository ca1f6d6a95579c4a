import type { LocalIssuer } from '@harbor/local-cloud-auth';
import type { AwsServiceEndpoint, FaultInjector, JournaledDelivery } from '@harbor/local-cloud-messaging';
import type { Invoker, LambdaRuntime } from '@harbor/local-cloud-lambda';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import type { DynamoDbLocal } from '@harbor/local-cloud-dynamodb';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import type { ApiGatewayV2Routes } from '../apigateway-v2';
import type { LocalCloudConfig } from '../config';
import type { ConsoleBackend } from '@harbor/local-cloud-console';
import type { Messaging } from '../messaging';
import type { ResourceNaming } from '../resource-names';
import type { RestApi } from '@harbor/local-cloud-api-gateway';
import type { createLocalSchedules } from '../scheduler/local-schedules';
import type { Firing } from '../scheduler/local-scheduler';
import type { StartOptions } from './start-options';

/** Every listener's port, a requested 0 replaced by a free one: every URL is known before anything listens. */
export interface ListenerPorts {
  readonly rest: number;
  readonly httpApi: number;
  readonly websocket: number;
  readonly aws: number;
  readonly dynamodb: number;
}

export interface HttpApisPart {
  readonly url: string;
  readonly routes: () => ApiGatewayV2Routes['httpApi'];
}

export interface WebSocketApisPart {
  readonly url: string;
  /** Service name to the URL its clients connect to. */
  readonly urls: Readonly<Record<string, string>>;
  /** The same URLs by API name (`harbor-<env>-<service>-ws`), as routes and traces name the API. */
  readonly urlsByApi: Readonly<Record<string, string>>;
  /** `@connections` of every WebSocket API, for the AWS endpoint. */
  readonly connections: AwsServiceEndpoint;
  readonly routes: () => ApiGatewayV2Routes['websocket'];
}

/** What the modules make, by name; a module takes only what a module before it provided. */
export interface LocalCloudParts {
  readonly services: readonly ServiceDefinition[];
  readonly ports: ListenerPorts;
  /** DynamoDB Local, booting beside the rest; `ready` settles once it answers. */
  readonly dynamodb: { readonly endpoint: string; readonly ready: Promise<DynamoDbLocal> };
  readonly issuer: LocalIssuer;
  readonly console: ConsoleBackend;
  readonly runtime: LambdaRuntime;
  readonly faults: FaultInjector;
  /** The runtime behind the fault injector: every caller invokes through it, so injected faults reach them all. */
  readonly invoker: Invoker;
  readonly messaging: Messaging;
  /** Deliveries accepted and not settled before the last stop (data on disk only). */
  readonly unsettledDeliveries: readonly JournaledDelivery[];
  readonly schedules: ReturnType<typeof createLocalSchedules>;
  readonly restApis: { readonly url: string; readonly apis: readonly RestApi[] };
  readonly httpApis: HttpApisPart;
  readonly websocketApis: WebSocketApisPart;
  readonly dynamodbCalls: AwsServiceEndpoint;
}

/** Thrown when the module list asks for a part before the module that makes it: a wrong order, not a user error. */
export class ModuleOrderError extends Error {
  override readonly name = 'ModuleOrderError';
}

/** What every module starts from (the settings, the trace) and what the modules before it made. */
export class StartContext {
  readonly naming: ResourceNaming;
  /** Every listener answers loopback Host names only (DNS rebinding); the AWS endpoint also only its own pages. */
  readonly hosts: { readonly allowedHosts: readonly string[]; readonly bindHost: string };
  readonly trace = new TraceRecorder();
  /** Every schedule that fired since start (the latest 10,000), with when it was due and when it fired. */
  readonly firings: Firing[] = [];
  private readonly parts = new Map<keyof LocalCloudParts, unknown>();

  constructor(
    readonly config: LocalCloudConfig,
    readonly options: StartOptions,
  ) {
    this.naming = { env: config.env, region: config.region, accountId: config.accountId };
    this.hosts = { allowedHosts: config.allowedHosts, bindHost: config.host };
  }

  get workspaceRoot(): string {
    return this.options.workspaceRoot;
  }

  /** `http://host:port` of a port on the listening host. */
  url(port: number, scheme = 'http'): string {
    return `${scheme}://${this.config.host}:${port}`;
  }

  provide<K extends keyof LocalCloudParts>(name: K, part: LocalCloudParts[K]): void {
    if (this.parts.has(name)) throw new ModuleOrderError(`two modules provide ${name}`);
    this.parts.set(name, part);
  }

  need<K extends keyof LocalCloudParts>(name: K): LocalCloudParts[K] {
    if (!this.parts.has(name)) throw new ModuleOrderError(`${name} is needed before the module providing it started`);
    return this.parts.get(name) as LocalCloudParts[K];
  }
}
