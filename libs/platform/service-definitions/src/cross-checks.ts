import { existsSync } from 'node:fs';
import { problem } from './declaration-problem';
import type { ServiceDefinition } from './service-definition';

export interface DeclarationFiles {
  readonly openapi: string;
  readonly 'http-api': string;
  readonly websocket: string;
  readonly functions: string;
  readonly tables: string;
  readonly events: string;
}

export interface CrossCheckOptions {
  readonly checkHandlerFiles: boolean;
}

/** References inside one service: every name a file uses must be declared where it belongs. */
export function checkServiceReferences(
  service: ServiceDefinition,
  files: DeclarationFiles,
  allTopics: ReadonlySet<string>,
  options: CrossCheckOptions,
): string[] {
  const problems: string[] = [];
  const functionKeys = new Set(Object.keys(service.functions));

  for (const [key, fn] of Object.entries(service.functions)) {
    if (options.checkHandlerFiles && !existsSync(fn.handlerPath)) {
      problems.push(
        problem(
          files.functions,
          ['functions', key, 'handler'],
          `file ${fn.handler} does not exist in apps/${service.name}`,
        ),
      );
    }
    fn.tables.forEach((access, i) => {
      const table = service.tables[access.table];
      if (!table) {
        problems.push(
          problem(
            files.functions,
            ['functions', key, 'tables', i, 'table'],
            `unknown table ${access.table} (not in ${files.tables})`,
          ),
        );
        return;
      }
      const indexNames = new Set(table.globalSecondaryIndexes.map((index) => index.name));
      access.indexes.forEach((index, j) => {
        if (!indexNames.has(index)) {
          problems.push(
            problem(
              files.functions,
              ['functions', key, 'tables', i, 'indexes', j],
              `table ${access.table} has no index ${index}`,
            ),
          );
        }
      });
    });
    fn.publishes.forEach((publish, i) => {
      if ('topic' in publish && !allTopics.has(publish.topic)) {
        problems.push(
          problem(
            files.functions,
            ['functions', key, 'publishes', i, 'topic'],
            `unknown topic ${publish.topic} (no service declares it)`,
          ),
        );
      }
    });
    fn.secrets.forEach((use, i) => {
      if (!(use.secret in service.secrets)) {
        problems.push(
          problem(
            files.functions,
            ['functions', key, 'secrets', i, 'secret'],
            `unknown secret ${use.secret} (not in ${files.functions} secrets)`,
          ),
        );
      }
    });
    fn.schedules.forEach((use, i) => {
      if (!(use.schedule in service.schedules)) {
        const path = ['functions', key, 'schedules', i, 'schedule'];
        problems.push(
          problem(files.functions, path, `unknown schedule ${use.schedule} (not in ${files.functions} schedules)`),
        );
      }
    });
    if (fn.connections.length > 0 && !service.websocket) {
      problems.push(
        problem(
          files.functions,
          ['functions', key, 'connections'],
          `calls @connections, but the service declares no ${files.websocket}`,
        ),
      );
    }
  }

  for (const [name, schedule] of Object.entries(service.schedules)) {
    if (!functionKeys.has(schedule.target)) {
      problems.push(
        problem(
          files.functions,
          ['schedules', name, 'target'],
          `unknown function ${schedule.target} (not in ${files.functions})`,
        ),
      );
    }
  }

  const { events } = service;
  const requireFunction = (path: (string | number)[], name: string) => {
    if (!functionKeys.has(name))
      problems.push(problem(files.events, path, `unknown function ${name} (not in ${files.functions})`));
  };
  for (const [name, subscription] of Object.entries(events.subscriptions)) {
    requireFunction(['subscriptions', name, 'function'], subscription.function);
    if (!allTopics.has(subscription.topic)) {
      problems.push(
        problem(
          files.events,
          ['subscriptions', name, 'topic'],
          `unknown topic ${subscription.topic} (no service declares it)`,
        ),
      );
    }
  }
  for (const [name, rule] of Object.entries(events.rules)) requireFunction(['rules', name, 'function'], rule.function);
  for (const [name, stream] of Object.entries(events.streams)) {
    requireFunction(['streams', name, 'function'], stream.function);
    const table = service.tables[stream.table];
    if (!table)
      problems.push(
        problem(files.events, ['streams', name, 'table'], `unknown table ${stream.table} (not in ${files.tables})`),
      );
    else if (!table.stream)
      problems.push(
        problem(
          files.events,
          ['streams', name, 'table'],
          `table ${stream.table} declares no stream in ${files.tables}`,
        ),
      );
  }
  const snsTopic = events.publishes.sns?.topic;
  if (snsTopic !== undefined && !(snsTopic in events.topics)) {
    problems.push(
      problem(files.events, ['publishes', 'sns', 'topic'], `topic ${snsTopic} is not one of this service's topics`),
    );
  }
  if (service.openapi)
    problems.push(...checkLambdaReferences(service.openapi, files.openapi, functionKeys, files.functions));
  if (service.httpApi)
    problems.push(...checkLambdaReferences(service.httpApi, files['http-api'], functionKeys, files.functions));
  if (service.websocket) {
    const requireWebSocketFunction = (path: string[], name: string) => {
      if (!functionKeys.has(name))
        problems.push(problem(files.websocket, path, `unknown function ${name} (not in ${files.functions})`));
    };
    for (const [routeKey, route] of Object.entries(service.websocket.routes))
      requireWebSocketFunction(['routes', routeKey, 'function'], route.function);
    if (service.websocket.authorizer)
      requireWebSocketFunction(['authorizer', 'function'], service.websocket.authorizer.function);
  }
  return problems;
}

// `${lambda_invoke_arns.<key>}` placeholders; `$${` is Terraform's escape for a literal `${`.
const LAMBDA_REFERENCE = /(?<!\$)\$\{lambda_invoke_arns\.([^}]+)\}/g;

/** Every `${lambda_invoke_arns.<key>}` in an API document names a function of functions.yaml. */
function checkLambdaReferences(
  document: unknown,
  file: string,
  functionKeys: ReadonlySet<string>,
  functionsFile: string,
): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(LAMBDA_REFERENCE)) {
        if (!functionKeys.has(match[1]))
          problems.push(problem(file, path, `unknown function ${match[1]} (not in ${functionsFile})`));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(document, []);
  return problems;
}

/** Names that become physical resources must be unique across services. */
export function checkUniqueAcrossServices(
  services: readonly { service: ServiceDefinition; files: DeclarationFiles }[],
): string[] {
  const problems: string[] = [];
  const owners = { table: new Map<string, string>(), topic: new Map<string, string>() };
  for (const { service, files } of services) {
    for (const table of Object.keys(service.tables)) {
      const owner = owners.table.get(table);
      if (owner)
        problems.push(
          problem(files.tables, ['tables', table], `table ${table} is already declared by service ${owner}`),
        );
      else owners.table.set(table, service.name);
    }
    for (const topic of Object.keys(service.events.topics)) {
      const owner = owners.topic.get(topic);
      if (owner)
        problems.push(
          problem(files.events, ['topics', topic], `topic ${topic} is already declared by service ${owner}`),
        );
      else owners.topic.set(topic, service.name);
    }
  }
  return problems;
}
