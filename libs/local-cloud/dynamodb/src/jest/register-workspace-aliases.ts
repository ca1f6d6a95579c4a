import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

interface NodeModuleResolver {
  _resolveFilename(this: unknown, request: string, ...rest: unknown[]): string;
}

const REGISTERED = Symbol.for('harbor.workspace-aliases');

/**
 * Jest loads globalSetup/globalTeardown with Node's own resolver, which knows nothing of the `@harbor/*`
 * tsconfig paths the test runtime resolves. Importing this module maps those exact aliases to their files
 * for that one process.
 */
function registerWorkspaceAliases(from: string): void {
  const globals = globalThis as Record<symbol, unknown>;
  if (globals[REGISTERED]) return;
  let root = from;
  while (!existsSync(join(root, 'tsconfig.base.json'))) {
    if (dirname(root) === root) throw new Error(`No tsconfig.base.json above ${from}`);
    root = dirname(root);
  }
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const aliases = new Map(
    Object.entries(tsconfig.compilerOptions?.paths ?? {})
      .filter(([alias, targets]) => !alias.includes('*') && targets.length > 0)
      .map(([alias, [target]]) => [alias, join(root, target)]),
  );
  const resolver = Module as unknown as NodeModuleResolver;
  const resolveFilename = resolver._resolveFilename;
  resolver._resolveFilename = function resolveWorkspaceAlias(request: string, ...rest: unknown[]): string {
    return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
  };
  globals[REGISTERED] = true;
}

// Registered on import, so a module can import this first and `@harbor/*` right after it.
registerWorkspaceAliases(__dirname);
