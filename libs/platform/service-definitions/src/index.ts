export { loadServiceDefinitions, type LoadServiceDefinitionsOptions } from './load-service-definitions';
export { findWorkspaceRoot } from './find-workspace-root';
export { physicalName, functionId, scheduleGroupName, secretName } from './names';
export { scheduleEnvironment } from './schemas/schedule.schema';
export { ACCESS_FILE_NAME, AccessFileSchema, IAM_COMMAND, type FunctionGrants } from './schemas/access.schema';
export type { FunctionSchedule, ScheduleDeclaration } from './schemas/schedule.schema';
export { toCreateTableInput } from './create-table-input';
export { ServiceDefinitionError } from './service-definition.error';
export { StartupError, type StartupErrorLocation } from './startup-error';
export type { ServiceDefinition, FunctionDefinition } from './service-definition';
export type { TableDefinition, KeyAttribute, GlobalSecondaryIndex } from './schemas/table.schema';
export type {
  FunctionDeclaration,
  FunctionTableAccess,
  FunctionPublish,
  FunctionSecret,
  SecretDeclaration,
} from './schemas/function.schema';
export type {
  EventsDefinition,
  SubscriptionDefinition,
  RuleDefinition,
  StreamMappingDefinition,
} from './schemas/events.schema';
export type { OpenApiDocument } from './schemas/openapi.schema';
export type { HttpApiDocument } from './schemas/http-api.schema';
export type { WebSocketDefinition } from './schemas/websocket.schema';
