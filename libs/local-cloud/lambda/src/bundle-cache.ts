import { version as esbuildVersion } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CachedBundle {
  readonly code: string;
  /** Absolute paths of the first-party files the bundle was built from. */
  readonly inputs: readonly string[];
}

// The input list rides on the bundle's last line, so bundle and list are written (renamed) as one file.
const TRAILER = `\n//# harbor-bundle ${esbuildVersion} `;

/**
 * A handler's last good bundle on disk, reused at the next start while none of its inputs (nor the tsconfig that
 * resolves them) changed: starting the local cloud then bundles nothing, and DynamoDB Local's JVM, the start's
 * critical path, gets the CPU. Freshness is by modification time against the moment the build began, so a file
 * saved during a build makes its bundle stale.
 */
export class BundleCache {
  private readonly file: string;

  constructor(
    directory: string,
    workingDir: string,
    handlerFile: string,
    private readonly tsconfig: string,
    format: 'cjs' | 'esm' = 'cjs',
  ) {
    // An ES module bundle is cached apart: a package.json's `type` changing must not serve the other format's code.
    const extension = format === 'esm' ? 'mjs' : 'cjs';
    this.file = join(directory, `${relative(workingDir, handlerFile).replace(/[\\/:]/g, '__')}.${extension}`);
  }

  read(): CachedBundle | undefined {
    try {
      const text = readFileSync(this.file, 'utf8');
      const at = text.lastIndexOf(TRAILER);
      if (at === -1) return undefined; // another esbuild version (or format) wrote it
      const inputs = JSON.parse(text.slice(at + TRAILER.length)) as string[];
      const builtAt = statSync(this.file).mtimeMs;
      const fresh = [this.tsconfig, ...inputs].every((input) => statSync(input).mtimeMs <= builtAt);
      return fresh ? { code: text.slice(0, at), inputs } : undefined;
    } catch {
      return undefined; // missing, unreadable, or an input was deleted: build
    }
  }

  write(bundle: CachedBundle, buildStartedAtMs: number): void {
    const staging = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      writeFileSync(staging, `${bundle.code}${TRAILER}${JSON.stringify(bundle.inputs)}`);
      const startedAt = new Date(buildStartedAtMs);
      utimesSync(staging, startedAt, startedAt);
      renameSync(staging, this.file); // atomic: a concurrent start reads the old bundle or this one, never half
    } catch {
      // A cache that cannot be written only costs the next start a build.
    }
  }
}
