import { context, type BuildContext, type BuildFailure, type Message, type Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { BundleCache } from './bundle-cache';
import type { InvokeError } from './invoker';
import type { LambdaFunctionSpec } from './lambda-function-spec';

export type HandlerBuild =
  | {
      readonly ok: true;
      readonly code: string;
      readonly bundleFile: string;
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
 * Bundles one handler from source, in memory, with an incremental esbuild context: CommonJS for node20, inline
 * source map, node_modules left to Node (`packages: 'external'`), `@harbor/*` aliases from tsconfig.base.json.
 * The first build of a start comes from the workspace's bundle cache (dist/local-cloud/function-bundles) when
 * nothing it was built from changed.
 */
export class HandlerBundler {
  private readonly bundleFile: string;
  private readonly workingDir: string;
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
    this.bundleFile = join(
      dirname(spec.handlerFile),
      `${basename(spec.handlerFile).replace(/\.[cm]?tsx?$/, '')}.local-bundle.cjs`,
    );
    if (this.tsconfig)
      this.cache = new BundleCache(
        join(this.workingDir, 'dist', 'local-cloud', 'function-bundles'),
        this.workingDir,
        spec.handlerFile,
        this.tsconfig,
      );
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
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      packages: 'external',
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
    return {
      ok: true,
      code: cached.code,
      bundleFile: this.bundleFile,
      inputs: cached.inputs,
      durationMs: performance.now() - started,
    };
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
      const output = result.outputFiles?.find((file) => file.path.endsWith('.cjs'));
      if (!output) throw new Error(`esbuild produced no bundle for ${this.spec.handlerFile}`);
      const inputs = this.inputsOf(result.metafile);
      this.cache?.write({ code: output.text, inputs }, startedAtMs);
      const durationMs = performance.now() - started;
      return { ok: true, code: output.text, bundleFile: this.bundleFile, inputs, durationMs };
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
