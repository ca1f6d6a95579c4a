import { existsSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { z } from 'zod';
import { checkServiceReferences, checkUniqueAcrossServices, type DeclarationFiles } from './cross-checks';
import { functionId } from './names';
import { readDeclarationFile } from './read-declaration-file';
import { ACCESS_FILE_NAME, AccessFileSchema, IAM_COMMAND, NO_GRANTS } from './schemas/access.schema';
import { EventsFileSchema } from './schemas/events.schema';
import { FunctionsFileSchema } from './schemas/function.schema';
import { HttpApiDocumentSchema } from './schemas/http-api.schema';
import { OpenApiDocumentSchema } from './schemas/openapi.schema';
import { TablesFileSchema } from './schemas/table.schema';
import { WebSocketFileSchema } from './schemas/websocket.schema';
import type { FunctionDefinition, ServiceDefinition } from './service-definition';
import { ServiceDefinitionError } from './service-definition.error';

export interface LoadServiceDefinitionsOptions {
  /** Check that every declared handler file exists (default true). */
  readonly checkHandlerFiles?: boolean;
}

const FILE_NAMES = ['openapi', 'http-api', 'websocket', 'functions', 'tables', 'events'] as const;

/**
 * Reads and validates apps/<service>/api/*.yaml for every service that has an api/ folder, sorted by name.
 * Throws one ServiceDefinitionError listing every problem, each naming its file and field.
 */
export function loadServiceDefinitions(
  workspaceRoot: string,
  options: LoadServiceDefinitionsOptions = {},
): ServiceDefinition[] {
  const appsDir = join(workspaceRoot, 'apps');
  const names = existsSync(appsDir)
    ? readdirSync(appsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'api')))
        .map((entry) => entry.name)
        .sort()
    : [];

  const problems: string[] = [];
  const loaded: { service: ServiceDefinition; files: DeclarationFiles }[] = [];
  for (const name of names) {
    const result = loadService(workspaceRoot, name);
    if (result.ok) loaded.push(result.value);
    else problems.push(...result.problems);
  }
  if (problems.length === 0) {
    const allTopics = new Set(loaded.flatMap(({ service }) => Object.keys(service.events.topics)));
    const checkHandlerFiles = options.checkHandlerFiles ?? true;
    for (const { service, files } of loaded)
      problems.push(...checkServiceReferences(service, files, allTopics, { checkHandlerFiles }));
    problems.push(...checkUniqueAcrossServices(loaded));
  }
  if (problems.length > 0) throw new ServiceDefinitionError(problems);
  return loaded.map(({ service }) => service);
}

type LoadResult =
  { ok: true; value: { service: ServiceDefinition; files: DeclarationFiles } } | { ok: false; problems: string[] };

function loadService(workspaceRoot: string, name: string): LoadResult {
  const directory = join(workspaceRoot, 'apps', name);
  const apiDir = join(directory, 'api');
  const files = Object.fromEntries(
    FILE_NAMES.map((file) => [file, posix.join('apps', name, 'api', `${file}.yaml`)]),
  ) as Record<(typeof FILE_NAMES)[number], string>;
  const problems = FILE_NAMES.filter((file) => existsSync(join(apiDir, `${file}.yml`))).map(
    (file) =>
      `${posix.join('apps', name, 'api', `${file}.yml`)}: (file): rename it to ${file}.yaml (only .yaml is read)`,
  );

  // The API files are optional: a missing one means the service has no such API (not an empty one).
  const optional = <S extends z.ZodType>(file: (typeof FILE_NAMES)[number], schema: S) =>
    existsSync(join(apiDir, `${file}.yaml`))
      ? readDeclarationFile(join(apiDir, `${file}.yaml`), files[file], schema)
      : undefined;
  const openapi = optional('openapi', OpenApiDocumentSchema);
  const httpApi = optional('http-api', HttpApiDocumentSchema);
  const websocket = optional('websocket', WebSocketFileSchema);
  const functions = readDeclarationFile(join(apiDir, 'functions.yaml'), files.functions, FunctionsFileSchema);
  const tables = readDeclarationFile(join(apiDir, 'tables.yaml'), files.tables, TablesFileSchema);
  const events = readDeclarationFile(join(apiDir, 'events.yaml'), files.events, EventsFileSchema);
  // JSON is YAML: the generated grants are read (and located by line) like the declarations.
  const accessFile = posix.join('apps', name, 'api', ACCESS_FILE_NAME);
  const access = readDeclarationFile(join(apiDir, ACCESS_FILE_NAME), accessFile, AccessFileSchema);
  for (const result of [openapi, httpApi, websocket, functions, tables, events, access])
    if (result && !result.ok) problems.push(...result.problems);
  if (
    problems.length > 0 ||
    !functions.ok ||
    !tables.ok ||
    !events.ok ||
    !access.ok ||
    openapi?.ok === false ||
    httpApi?.ok === false ||
    websocket?.ok === false
  ) {
    return { ok: false, problems };
  }
  const stale = Object.keys(access.value.functions).filter((key) => !(key in functions.value.functions));
  if (stale.length > 0) {
    return {
      ok: false,
      problems: stale.map(
        (key) => `${accessFile}: functions.${key}: no such function in ${files.functions} (run ${IAM_COMMAND})`,
      ),
    };
  }

  const definitions: Record<string, FunctionDefinition> = {};
  for (const [key, declaration] of Object.entries(functions.value.functions)) {
    const grants = access.value.functions[key] ?? NO_GRANTS;
    definitions[key] = {
      ...declaration,
      key,
      id: functionId(name, key),
      handlerPath: join(directory, declaration.handler),
      grants,
    };
  }
  const service: ServiceDefinition = {
    name,
    directory,
    openapi: openapi?.value,
    httpApi: httpApi?.value,
    websocket: websocket?.value,
    functions: definitions,
    secrets: functions.value.secrets,
    schedules: functions.value.schedules,
    tables: tables.value.tables,
    events: events.value,
  };
  return { ok: true, value: { service, files } };
}
