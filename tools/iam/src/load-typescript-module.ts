import { readFileSync } from 'node:fs';

type Compilable = NodeJS.Module & { _compile(code: string, filename: string): void };

/**
 * Loads a descriptor file (`*.access.ts`; it imports only types, so it runs as a plain module). Under Jest its
 * transform compiles it; from `npm run iam` (plain Node) @swc/core, which the workspace has for Jest, does.
 */
export function loadTypeScriptModule(path: string): unknown {
  if (process.env['JEST_WORKER_ID'] === undefined) compileTypeScriptOnRequire();
  return require(path) as unknown;
}

function compileTypeScriptOnRequire(): void {
  const extensions = require.extensions;
  if (extensions['.ts']) return;
  const { transformSync } = require('@swc/core') as typeof import('@swc/core');
  extensions['.ts'] = function compileTypeScript(module, filename) {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    (module as Compilable)._compile(code, filename);
  };
}
