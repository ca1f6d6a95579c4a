import type { StartContext } from './start-context';

/**
 * One part of the local cloud. `startLocalCloud` starts its modules in the order of its list, so start order is
 * data; what a module makes for later ones goes into the context, and nothing built is rewired after start.
 */
export interface LocalCloudModule {
  readonly name: string;
  start(context: StartContext): Promise<void> | void;
  /** Stops what `start` started; also called after a `start` that failed half-way, so it checks what exists. */
  stop(): Promise<void> | void;
}

/** The `stop` of a module that holds nothing to release. */
export const nothingToStop = (): void => undefined;

/** What stops every started module, last started first. */
export type StopModules = () => Promise<void>;

/**
 * Starts `modules` one after the other. When one fails, the ones started so far (and the failing one, which may
 * hold what it made before it failed) are stopped in reverse order, and the failure is thrown.
 */
export async function startModules(modules: readonly LocalCloudModule[], context: StartContext): Promise<StopModules> {
  const started: LocalCloudModule[] = [];
  for (const module of modules) {
    started.push(module);
    try {
      await module.start(context);
    } catch (error) {
      await stopInReverse(started).catch(() => undefined); // the start failure is the one worth telling
      throw error;
    }
  }
  return () => stopInReverse(started);
}

/** Stops every module even when one fails to stop, then throws the first failure. */
async function stopInReverse(started: readonly LocalCloudModule[]): Promise<void> {
  let firstFailure: { error: unknown } | undefined;
  for (const module of [...started].reverse()) {
    try {
      await module.stop();
    } catch (error) {
      firstFailure ??= { error };
    }
  }
  if (firstFailure) throw firstFailure.error;
}
