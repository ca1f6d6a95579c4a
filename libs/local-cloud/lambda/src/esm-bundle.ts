import { createHash } from 'node:crypto';
import type { Plugin } from 'esbuild';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const RESOLVING = 'harbor-esm-externals';

/**
 * Leaves every package to Node, as `packages: 'external'` does, but as the absolute `file:` URL of the file esbuild
 * resolved (with Node's conditions): an ES module bundle is loaded from its own file, away from the handler, and
 * bare names there would not resolve against the handler's node_modules. First-party files (and `@harbor/*` path
 * aliases) are bundled as usual.
 */
export const packagesAsFileUrls: Plugin = {
  name: 'packages-as-file-urls',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if ((args.pluginData as Record<string, unknown> | undefined)?.[RESOLVING]) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { [RESOLVING]: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.external || !resolved.path.includes(`${sep}node_modules${sep}`)) return { ...resolved };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/**
 * Writes an ES module bundle where Node can `import()` it (Node loads ES modules from URLs only, not from a string
 * the way CommonJS compiles one), named by its content: a rebuild never rewrites a file an environment is loading.
 */
export function writeEsmBundle(directory: string, name: string, code: string): string {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(directory, `${name}.${hash}.mjs`);
  if (existsSync(file)) return file;
  mkdirSync(directory, { recursive: true });
  const staging = `${file}.${process.pid}.tmp`;
  writeFileSync(staging, code);
  renameSync(staging, file);
  return file;
}
