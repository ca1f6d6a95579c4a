import { HandlerBundler, type HandlerBuild } from './handler-bundler';
import type { LambdaFunctionSpec } from './lambda-function-spec';
import type { SourceSubscription, SourceWatcher } from './source-watcher';

/** What one rebuild after a source change did. */
export interface ReloadReport {
  readonly functionId: string;
  readonly changedFile: string;
  readonly ok: boolean;
  /** False when the new bundle is byte-for-byte the old one: the running environment is kept. */
  readonly codeChanged: boolean;
  readonly buildDurationMs: number;
  /** The build error (syntax error, unresolved import) when `ok` is false. */
  readonly errorMessage?: string;
}

export interface FunctionSourceOptions {
  readonly watcher?: SourceWatcher;
  readonly tsconfig?: string;
  /** Called after each rebuild caused by a change, before `current()` resolves with it. */
  readonly onRebuilt: (build: HandlerBuild, report: ReloadReport) => void;
}

// Editors often write a file in two steps (truncate, write): coalesce events this close together.
const DEBOUNCE_MS = 8;

/**
 * The bundled code of one function, kept current: built at start, watched through its esbuild inputs, and
 * rebuilt on change. `current()` waits for a rebuild a change has scheduled, so an invocation that follows a
 * save always runs the saved code.
 */
export class FunctionSource {
  private readonly bundler: HandlerBundler;
  private latest: Promise<HandlerBuild>;
  private subscription: SourceSubscription | undefined;
  private watched: readonly string[] = [];
  private scheduled: { timer: NodeJS.Timeout; changedFile: string; resolve: (build: HandlerBuild) => void } | undefined;
  /** The last finished build: the one the running environment was made from. */
  private lastBuild: HandlerBuild | undefined;

  constructor(
    private readonly spec: LambdaFunctionSpec,
    private readonly options: FunctionSourceOptions,
  ) {
    this.bundler = new HandlerBundler(spec, options.tsconfig);
    this.latest = this.bundler.build().then((build) => {
      this.lastBuild = build;
      this.watch(build);
      return build;
    });
  }

  current(): Promise<HandlerBuild> {
    return this.latest;
  }

  async dispose(): Promise<void> {
    if (this.scheduled) clearTimeout(this.scheduled.timer);
    this.subscription?.close();
    this.subscription = undefined;
    await this.latest.catch(() => undefined);
    await this.bundler.dispose();
  }

  private watch(build: HandlerBuild): void {
    const { watcher } = this.options;
    if (!watcher) return;
    // A failed build has no full input list: keep watching what the last good one used.
    this.watched = build.ok ? build.inputs : [...new Set([...this.watched, ...build.inputs])];
    if (this.subscription) this.subscription.update(this.watched);
    else this.subscription = watcher.subscribe(this.watched, (file) => this.onChange(file));
  }

  private onChange(changedFile: string): void {
    if (this.scheduled) {
      clearTimeout(this.scheduled.timer);
      this.scheduled.timer = setTimeout(() => void this.rebuild(), DEBOUNCE_MS);
      return;
    }
    let resolve: (build: HandlerBuild) => void = () => undefined;
    const next = new Promise<HandlerBuild>((settle) => (resolve = settle));
    this.scheduled = { timer: setTimeout(() => void this.rebuild(), DEBOUNCE_MS), changedFile, resolve };
    this.latest = next;
  }

  private async rebuild(): Promise<void> {
    const scheduled = this.scheduled;
    if (!scheduled) return;
    this.scheduled = undefined;
    const previous = this.lastBuild;
    const build = await this.bundler.build();
    this.lastBuild = build;
    this.watch(build);
    const codeChanged = !(build.ok && previous?.ok && previous.code === build.code);
    this.options.onRebuilt(build, {
      functionId: this.spec.id,
      changedFile: scheduled.changedFile,
      ok: build.ok,
      codeChanged,
      buildDurationMs: build.durationMs,
      ...(build.ok ? {} : { errorMessage: build.error.errorMessage }),
    });
    scheduled.resolve(build);
  }
}
