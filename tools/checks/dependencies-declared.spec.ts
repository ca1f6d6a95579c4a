import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Every package the code imports is declared in package.json, and every declared package is imported somewhere
// (or is one of the tools run by name below). A runtime dependency that only tests import belongs in
// devDependencies. Imports are read from the source text: import/export … from, import(), require() and
// require.resolve() of a bare specifier.
const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Declared for a command, a config file's string or a peer of another tool, never imported by a source file. */
const RUN_BY_NAME = new Set([
  ...['nx', '@nx/jest', '@nx/eslint', '@nx/js', 'jest', 'typescript', 'vite'], // commands and Nx plugins
  '@typescript/native-preview', // its tsgo runs the typecheck targets
  ...['@swc/core', '@swc/helpers', '@swc/jest', 'jsonc-eslint-parser'], // named in jest.preset.js and eslint config
  'typescript-eslint', // a peer of @nx/eslint-plugin
  'prettier', // run by the tools project's format-check, and by Nx's formatFiles in the generators
  ...['@types/jest', '@types/node'], // ambient types
]);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|css)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.nx', '.data', 'coverage', '.terraform', '.git', 'tmp']);
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*|^\s*import\s+|@import\s+)['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(join(dir, entry.name));
    return SOURCE.test(entry.name) ? [join(dir, entry.name)] : [];
  });
}

function packageOf(specifier: string): string | undefined {
  if (
    specifier.startsWith('.') ||
    specifier.startsWith('/') ||
    specifier.startsWith('node:') ||
    specifier.startsWith('@harbor/')
  )
    return undefined;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (!name || builtinModules.includes(name) || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name)) return undefined;
  return name;
}

const isTestFile = (file: string) =>
  /\.(spec|e2e\.spec|test)\.[cm]?[jt]sx?$/.test(file) ||
  /(^|\/)(test|testing|jest)\//.test(file) ||
  /jest[.-]/.test(file);

/** package → the workspace files that import it. */
function importers(): Map<string, string[]> {
  const files = [
    ...readdirSync(root)
      .filter((name) => SOURCE.test(name))
      .map((name) => join(root, name)),
    ...['apps', 'libs', 'tools', 'infra'].flatMap((dir) => sourceFiles(join(root, dir))),
  ];
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const name = packageOf(match[1] ?? '');
      if (name) found.set(name, [...(found.get(name) ?? []), relative(root, file)]);
    }
  }
  return found;
}

describe('package.json declares what the code imports, and nothing else', () => {
  const used = importers();
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);

  // `import type … from 'aws-lambda'` is served by @types/aws-lambda. A spec may name a package that exists nowhere
  // (a fixture of a missing import); one that is installed, or imported outside tests, must be declared.
  const isDeclared = (name: string) =>
    declared.has(name) || declared.has(`@types/${name.replace(/^@([^/]+)\//, '$1__')}`);
  const counts = (name: string, files: string[]) =>
    existsSync(join(root, 'node_modules', name)) || !files.every(isTestFile);

  it('declares every package the code imports', () => {
    const undeclared = [...used]
      .filter(([name, files]) => !isDeclared(name) && counts(name, files))
      .map(([name, files]) => `${name} (${files[0]})`);
    expect(undeclared).toEqual([]);
  });

  it('imports every declared package, or runs it by name', () => {
    const typesUsed = (name: string) =>
      name.startsWith('@types/') && used.has(name.slice('@types/'.length).replace(/^(.+)__/, '@$1/'));
    expect([...declared].filter((name) => !used.has(name) && !typesUsed(name) && !RUN_BY_NAME.has(name))).toEqual([]);
  });

  // A peer a runtime package loads itself (Powertools Parameters loads @aws-sdk/client-secrets-manager) is runtime too.
  const peersOf = (name: string): string[] => {
    const file = join(root, 'node_modules', name, 'package.json');
    return existsSync(file)
      ? Object.keys(
          (JSON.parse(readFileSync(file, 'utf8')) as { peerDependencies?: Record<string, string> }).peerDependencies ??
            {},
        )
      : [];
  };
  const runtimeImported = (name: string) => !(used.get(name) ?? []).every(isTestFile);
  const runtimePeers = new Set(Object.keys(manifest.dependencies).filter(runtimeImported).flatMap(peersOf));

  it('keeps packages that only tests import out of the runtime dependencies', () => {
    const testOnly = Object.keys(manifest.dependencies).filter(
      (name) => !runtimeImported(name) && !runtimePeers.has(name),
    );
    expect(testOnly).toEqual([]);
  });
});
