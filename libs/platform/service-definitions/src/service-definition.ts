import type { FunctionGrants } from './schemas/access.schema';
import type { EventsDefinition } from './schemas/events.schema';
import type { FunctionDeclaration, SecretDeclaration } from './schemas/function.schema';
import type { ScheduleDeclaration } from './schemas/schedule.schema';
import type { HttpApiDocument } from './schemas/http-api.schema';
import type { OpenApiDocument } from './schemas/openapi.schema';
import type { TableDefinition } from './schemas/table.schema';
import type { WebSocketDefinition } from './schemas/websocket.schema';

/** A function as declared, plus what every reader needs and would otherwise recompute. */
export interface FunctionDefinition extends FunctionDeclaration {
  /** `<service>.<functionKey>`, the id the local cloud invokes it by. */
  readonly id: string;
  readonly key: string;
  /** Absolute path of the handler source file. */
  readonly handlerPath: string;
  /** What its role may do, derived from its adapters' access descriptors (access.generated.json, `npm run iam`). */
  readonly grants: FunctionGrants;
}

/** Everything one service declares in apps/<service>/api/. */
export interface ServiceDefinition {
  /** The folder name under apps/, e.g. `orders`. */
  readonly name: string;
  /** Absolute path of apps/<service>. */
  readonly directory: string;
  /** openapi.yaml as parsed (placeholders unresolved), or undefined when the service has no REST API. */
  readonly openapi: OpenApiDocument | undefined;
  /** http-api.yaml as parsed (placeholders unresolved), or undefined when the service has no HTTP API. */
  readonly httpApi: HttpApiDocument | undefined;
  /** websocket.yaml with defaults filled, or undefined when the service has no WebSocket API. */
  readonly websocket: WebSocketDefinition | undefined;
  readonly functions: Readonly<Record<string, FunctionDefinition>>;
  /** functions.yaml `secrets`: the Secrets Manager secrets the service owns, by key. */
  readonly secrets: Readonly<Record<string, SecretDeclaration>>;
  /** functions.yaml `schedules`: the EventBridge Scheduler groups the service owns, by key. */
  readonly schedules: Readonly<Record<string, ScheduleDeclaration>>;
  readonly tables: Readonly<Record<string, TableDefinition>>;
  readonly events: EventsDefinition;
}
