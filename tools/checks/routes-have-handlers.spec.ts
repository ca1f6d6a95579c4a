import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * For every service: every API route names a declared function whose handler file exists and exports
 * `handler`, every handler file is declared, and every declared function is reachable (from a route, an
 * authorizer or an event source).
 */
const root = join(__dirname, '..', '..');
const services = readdirSync(join(root, 'apps')).filter((name) =>
  existsSync(join(root, 'apps', name, 'api', 'functions.yaml')),
);

const readYaml = (service: string, file: string): Record<string, unknown> =>
  existsSync(join(root, 'apps', service, 'api', file))
    ? parse(readFileSync(join(root, 'apps', service, 'api', file), 'utf8'))
    : {};

const PLACEHOLDER = /\$\{lambda_invoke_arns\.([A-Za-z0-9_]+)\}/g;

function functionsReferencedBy(document: unknown): string[] {
  return [...JSON.stringify(document ?? {}).matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** websocket.yaml names functions by key (the Terraform module's shape), not by placeholder. */
function functionsOfWebSocketApi(websocket: Record<string, unknown>): string[] {
  const routes = Object.values((websocket['routes'] ?? {}) as Record<string, { function: string }>).map(
    (route) => route.function,
  );
  const authorizer = (websocket['authorizer'] as { function?: string } | undefined)?.function;
  return authorizer ? [...routes, authorizer] : routes;
}

function functionsOfEventSources(events: Record<string, unknown>): string[] {
  const sections = ['subscriptions', 'rules', 'streams'] as const;
  return sections.flatMap((section) =>
    Object.values((events[section] ?? {}) as Record<string, { function: string }>).map((source) => source.function),
  );
}

describe.each(services)('service %s', (service) => {
  const functions = (readYaml(service, 'functions.yaml').functions ?? {}) as Record<string, { handler: string }>;
  const apiFiles = readdirSync(join(root, 'apps', service, 'api')).filter((file) =>
    /(openapi|http-api|websocket).*\.ya?ml$/.test(file),
  );
  const routed = [
    ...apiFiles.flatMap((file) => functionsReferencedBy(readYaml(service, file))),
    ...functionsOfWebSocketApi(readYaml(service, 'websocket.yaml')),
  ];
  // A schedule group's target (functions.yaml `schedules`) is invoked by EventBridge Scheduler.
  const scheduled = Object.values(
    (readYaml(service, 'functions.yaml').schedules ?? {}) as Record<string, { target: string }>,
  ).map((group) => group.target);
  const consumers = [...functionsOfEventSources(readYaml(service, 'events.yaml')), ...scheduled];

  it('has at least one function', () => {
    expect(Object.keys(functions).length).toBeGreaterThan(0);
  });

  it('routes only to declared functions', () => {
    expect(routed.filter((key) => !(key in functions))).toEqual([]);
  });

  it.each(Object.entries(functions))('function %s has a handler file exporting `handler`', (_key, definition) => {
    const file = join(root, 'apps', service, definition.handler);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/export const handler\b/);
  });

  it('has no handler file that no function declares', () => {
    const declared = new Set(Object.values(functions).map((definition) => definition.handler));
    const handlerFiles = readdirSync(join(root, 'apps', service, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.handler.ts'))
      .map((file) => `src/${file}`);
    expect(handlerFiles.length).toBeGreaterThan(0);
    expect(handlerFiles.filter((file) => !declared.has(file))).toEqual([]);
  });

  it('declares no function that nothing invokes', () => {
    const reachable = new Set([...routed, ...consumers]);
    expect(Object.keys(functions).filter((key) => !reachable.has(key))).toEqual([]);
  });
});
