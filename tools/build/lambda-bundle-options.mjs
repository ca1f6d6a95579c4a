// The esbuild options every Lambda bundle is built with: by the apps' `build` (tools/build/build-lambdas.mjs) and by
// the bench, which builds its floors and the ESM variants with the same options so their figures compare.
import { join } from 'node:path';

/**
 * First-party code (apps/ and libs/, reached through the `@harbor/*` aliases or relative imports) is marked free of
 * side effects, so a module none of whose exports a handler uses is left out even when its top level calls
 * something (a zod schema, a Dynamoose model): a barrel such as `@harbor/notifications-adapters` then costs a
 * function only the adapters it wires. No first-party runtime module is imported for its side effects alone.
 */
export const firstPartyWithoutSideEffects = {
  name: 'first-party-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving || args.kind === 'entry-point' || args.importer.includes('node_modules')) return;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.external || resolved.path.includes('node_modules')) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/** Options for one function's bundle: `format` is 'cjs' (what Terraform deploys) or 'esm' (measured by the bench). */
export function lambdaBundleOptions(root, { entry, outfile, format = 'cjs' }) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    // The runtime Terraform deploys (infra/modules/lambda-function: nodejs22.x); local runs use the host's Node.
    target: 'node22',
    format,
    // An ESM bundle still meets CommonJS dependencies that call require(): give it one.
    ...(format === 'esm'
      ? {
          banner: {
            js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
          },
        }
      : {}),
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    tsconfig: join(root, 'tsconfig.base.json'),
    alias: { '@aws-sdk/credential-provider-node': join(root, 'tools', 'build', 'lambda-credentials.mjs') },
    plugins: [firstPartyWithoutSideEffects],
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}
