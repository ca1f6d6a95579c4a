import type { BuildOptions, Plugin } from 'esbuild';

/** Marks first-party modules (apps/, libs/) free of side effects, so unwired ones are left out of a bundle. */
export declare const firstPartyWithoutSideEffects: Plugin;
/** The esbuild options of one function's bundle; `format` 'cjs' (deployed) or 'esm' (measured by the bench). */
export declare function lambdaBundleOptions(
  root: string,
  options: { entry: string; outfile: string; format?: 'cjs' | 'esm' },
): BuildOptions & { entryPoints: string[]; outfile: string };
