import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** How Node (and so Lambda) loads a handler file: as CommonJS, or as an ES module. */
export type ModuleFormat = 'cjs' | 'esm';

function nearestPackageType(file: string): string | undefined {
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type;
      } catch {
        return undefined; // Node would refuse the file; esbuild says why when it builds
      }
    }
    if (dirname(directory) === directory) return undefined;
  }
}

/**
 * Node's rule, which Lambda follows (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html): `.mjs`
 * is an ES module, `.cjs` CommonJS, and `.js` follows the `type` of the nearest package.json. TypeScript sources
 * (`.mts`, `.cts`, `.ts`) follow the same rule as the JavaScript they compile to.
 */
export function moduleFormatOf(handlerFile: string): ModuleFormat {
  if (/\.m[jt]sx?$/.test(handlerFile)) return 'esm';
  if (/\.c[jt]sx?$/.test(handlerFile)) return 'cjs';
  return nearestPackageType(handlerFile) === 'module' ? 'esm' : 'cjs';
}
