import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadServiceDefinitions, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { workspaceRoot } from './workspace';

export type { ServiceDefinition };

/** Folders holding a Terraform stack (infra/services/<name>). */
export const stackNames = (): string[] => readdirSync(join(workspaceRoot, 'infra', 'services')).sort();

/**
 * What the local cloud runs: every service's apps/<service>/api, read by the local cloud's own loader (its
 * validation and its defaults, which are AWS's). Handler files are not required: the plan tests need no code.
 */
export const localServices = (): ServiceDefinition[] =>
  loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false });

/** The services a Terraform environment deploys: those the local cloud runs that have a stack. */
export const deployedServices = (): ServiceDefinition[] =>
  localServices().filter((service) => stackNames().includes(service.name));

/** Topics a service subscribes to but does not own (another service declares them). */
function externalTopics(apiDir: string): string[] {
  const file = join(apiDir, 'events.yaml');
  if (!existsSync(file)) return [];
  const events = (parse(readFileSync(file, 'utf8')) ?? {}) as {
    topics?: Record<string, unknown>;
    subscriptions?: Record<string, { topic: string }>;
  };
  const own = new Set(Object.keys(events.topics ?? {}));
  return [...new Set(Object.values(events.subscriptions ?? {}).map((subscription) => subscription.topic))].filter(
    (topic) => !own.has(topic),
  );
}

/**
 * A stack example's declarations (infra/services/<service>/examples/<example>/api), read by the same loader as if
 * they were apps/<service>/api. Topics it subscribes to but does not own get a stand-in owner, as in a workspace
 * where another service declares them.
 */
export function exampleServices(service: string, apiDir: string): ServiceDefinition[] {
  const root = mkdtempSync(join(tmpdir(), 'harbor-declarations-'));
  try {
    cpSync(apiDir, join(root, 'apps', service, 'api'), { recursive: true });
    const topics = externalTopics(apiDir);
    if (topics.length > 0) {
      const owner = join(root, 'apps', `${service}-neighbour`, 'api');
      mkdirSync(owner, { recursive: true });
      writeFileSync(join(owner, 'events.yaml'), `topics:\n${topics.map((topic) => `  ${topic}: {}`).join('\n')}\n`);
    }
    return loadServiceDefinitions(root, { checkHandlerFiles: false }).filter(
      (definition) => definition.name === service,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Functions AWS invokes asynchronously (InvocationType Event): SNS subscriptions, EventBridge rules and EventBridge
 * Scheduler targets (https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html). A function
 * error is retried by Lambda, then kept only by the function's on-failure destination.
 */
export const asynchronouslyInvokedFunctions = (service: ServiceDefinition): Set<string> =>
  new Set([
    ...Object.values(service.events.subscriptions).map((subscription) => subscription.function),
    ...Object.values(service.events.rules).map((rule) => rule.function),
    ...Object.values(service.schedules).map((schedule) => schedule.target),
  ]);
