import { context, type BuildContext, type BuildFailure, type Message, type Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { BundleCache } from './bundle-cache';
import { packagesAsFileUrls, writeEsmBundle } from './esm-bundle';
import type { InvokeError } from './invoker';
import type { LambdaFunctionSpec } from './lambda-function-spec';
import { moduleFormatOf, type ModuleFormat } from './module-format';

export type HandlerBuild =
  | {
      readonly ok: true;
      readonly code: string;
      /** `cjs`: where the bundle would live (it is compiled from `code`); `esm`: the file it was written to. */
      readonly bundleFile: string;
      readonly format: ModuleFormat;
      readonly inputs: readonly string[];
      readonly durationMs: number;
    }
  | {
      readonly ok: false;
      readonly error: InvokeError;
      readonly inputs: readonly string[];
      readonly durationMs: number;
    };

export type SuccessfulBuild = Extract<HandlerBuild, { readonly ok: true }>;

function nearestTsconfigBase(file: string): string | undefined {
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    const candidate = join(directory, 'tsconfig.base.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) return undefined;
  }
}

const isBuildFailure = (error: unknown): error is BuildFailure =>
  error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);

/** `<absolute file>:<line>:<column>: <text>`, as an editor's terminal links it. */
const describeMessage = (message: Message, workingDir: string): string =>
  message.location
    ? `${resolve(workingDir, message.location.file)}:${message.location.line}:${message.location.column + 1}: ${message.text}`
    : message.text;

/** How the Node.js runtime would have failed on the same source: a missing module, or a syntax error. */
function toInvokeError(failure: BuildFailure, workingDir: string): InvokeError {
  const first = failure.errors[0];
  const description = failure.errors.map((message) => describeMessage(message, workingDir)).join('\n');
  return first?.text.startsWith('Could not resolve')
    ? { errorType: 'Runtime.ImportModuleError', errorMessage: `Error: ${description}` }
    : { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: `SyntaxError: ${description}` };
}

// Once a start has served bundles from the cache, the incremental esbuild contexts are made this much later (off
// the start's critical path), so the first hot reload is as quick as the next ones.
const WARM_UP_DELAY_MS = 5_000;

/**
 * Bundles one handler from source, in memory, with an incremental esbuild context: in the handler's own module
 * format (CommonJS, or an ES module for `.mjs` and `"type": "module"`, as Node and Lambda load it), inline source
 * map, node_modules left to Node, `@harbor/*` aliases from tsconfig.base.json. The first build of a start comes
 * from the workspace's bundle cache (dist/local-cloud/function-bundles) when nothing it was built from changed.
 */
export class HandlerBundler {
  /** Where the bundle is said to live; its source map's paths are relative to it. */
  private readonly bundleFile: string;
  private readonly workingDir: string;
  private readonly format: ModuleFormat;
  /** ES module bundles only: the directory they are written to, and their name there. */
  private readonly esm: { readonly directory: string; readonly name: string } | undefined;
  private readonly cache: BundleCache | undefined;
  private buildContext: Promise<BuildContext> | undefined;
  private warmUp: NodeJS.Timeout | undefined;
  /** Rebuilds of one context must not overlap. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly spec: LambdaFunctionSpec,
    private readonly tsconfig = nearestTsconfigBase(spec.handlerFile),
  ) {
    this.workingDir = this.tsconfig ? dirname(this.tsconfig) : dirname(spec.handlerFile);
    this.format = moduleFormatOf(spec.handlerFile);
    const cacheDirectory = join(this.workingDir, 'dist', 'local-cloud', 'function-bundles');
    if (this.format === 'esm') {
      const directory = this.tsconfig ? join(cacheDirectory, 'esm') : join(tmpdir(), 'harbor-local-cloud-esm');
      const name = relative(this.workingDir, spec.handlerFile).replace(/[\\/:]/g, '__');
      this.esm = { directory, name };
      this.bundleFile = join(directory, `${name}.mjs`);
    } else {
      this.bundleFile = join(
        dirname(spec.handlerFile),
        `${basename(spec.handlerFile).replace(/\.[cm]?tsx?$/, '')}.local-bundle.cjs`,
      );
    }
    if (this.tsconfig)
      this.cache = new BundleCache(cacheDirectory, this.workingDir, spec.handlerFile, this.tsconfig, this.format);
  }

  build(): Promise<HandlerBuild> {
    const next = this.queue.then(() => this.buildOnce());
    this.queue = next.catch(() => undefined);
    return next;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.warmUp);
    await this.queue;
    const built = this.buildContext;
    this.buildContext = undefined;
    if (built) await (await built).dispose();
  }

  private createContext(): Promise<BuildContext> {
    return context({
      entryPoints: [this.spec.handlerFile],
      outfile: this.bundleFile,
      absWorkingDir: this.workingDir,
      ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}),
      bundle: true,
      platform: 'node',
      format: this.format,
      target: 'node20',
      sourcemap: 'inline',
      // An ES module resolves packages as Node's `import` does: no `module` condition, no `module` main field.
      ...(this.format === 'esm'
        ? { plugins: [packagesAsFileUrls], conditions: [], mainFields: ['main'] }
        : { packages: 'external' as const }),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
  }

  private inputsOf(metafile: Metafile | undefined): string[] {
    return Object.keys(metafile?.inputs ?? {})
      .filter((input) => !input.includes('node_modules'))
      .map((input) => (isAbsolute(input) ? input : resolve(this.workingDir, input)));
  }

  /** The cached bundle, for the first build of a start only (later builds follow source changes). */
  private fromCache(started: number): HandlerBuild | undefined {
    if (this.buildContext || this.warmUp) return undefined;
    const cached = this.cache?.read();
    if (!cached) return undefined;
    this.warmUp = setTimeout(
      () => (this.queue = this.queue.then(() => this.warm()).catch(() => undefined)),
      WARM_UP_DELAY_MS,
    );
    this.warmUp.unref();
    return this.succeeded(cached.code, cached.inputs, started);
  }

  private succeeded(code: string, inputs: readonly string[], started: number): SuccessfulBuild {
    const bundleFile = this.esm ? writeEsmBundle(this.esm.directory, this.esm.name, code) : this.bundleFile;
    return { ok: true, code, bundleFile, format: this.format, inputs, durationMs: performance.now() - started };
  }

  private async warm(): Promise<void> {
    this.buildContext ??= this.createContext();
    await (await this.buildContext).rebuild(); // its result is the cached one; a failure shows at the next build
  }

  private async buildOnce(): Promise<HandlerBuild> {
    const started = performance.now();
    const cached = this.fromCache(started);
    if (cached) return cached;
    const startedAtMs = Date.now();
    try {
      this.buildContext ??= this.createContext();
      const result = await (await this.buildContext).rebuild();
      const output = result.outputFiles?.find((file) => file.path === this.bundleFile);
      if (!output) throw new Error(`esbuild produced no bundle for ${this.spec.handlerFile}`);
      const inputs = this.inputsOf(result.metafile);
      this.cache?.write({ code: output.text, inputs }, startedAtMs);
      return this.succeeded(output.text, inputs, started);
    } catch (error) {
      if (!isBuildFailure(error)) {
        // Not the code's fault (esbuild itself failed): said as a local-cloud failure, never as an AWS one.
        const errorMessage = error instanceof Error ? error.message : String(error);
        const durationMs = performance.now() - started;
        return {
          ok: false,
          error: { errorType: 'LocalCloud.BuildError', errorMessage },
          inputs: [this.spec.handlerFile],
          durationMs,
        };
      }
      // Without a metafile, watch what the errors point at so fixing them triggers the next build.
      const named = error.errors.flatMap((message) =>
        message.location ? [resolve(this.workingDir, message.location.file)] : [],
      );
      const inputs = [...new Set([this.spec.handlerFile, ...named])];
      return {
        ok: false,
        error: toInvokeError(error, this.workingDir),
        inputs,
        durationMs: performance.now() - started,
      };
    }
  }
}
