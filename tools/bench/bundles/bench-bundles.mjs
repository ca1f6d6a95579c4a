// Per-function bundle size (from dist/apps/<service>/bundles.json, written by each app's `build` target) and the
// time a fresh Node process takes to `require` the bundle, against `node -e 0` measured in the same run: the part
// of a Lambda cold start the bundle is responsible for.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable, median, round } from '../lib/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const KiB = 1024;

/** Every app's bundles.json: [{ service, function, minifiedBytes, gzippedBytes, … }]. */
export function readBundleSizes(distApps = join(root, 'dist', 'apps')) {
  if (!existsSync(distApps)) return [];
  return readdirSync(distApps)
    .filter((service) => existsSync(join(distApps, service, 'bundles.json')))
    .sort()
    .flatMap((service) =>
      JSON.parse(readFileSync(join(distApps, service, 'bundles.json'), 'utf8')).map((bundle) => ({
        service,
        ...bundle,
      })),
    );
}

/** Wall time of one child process, from spawn to exit. */
function timeChild(args) {
  const startedAt = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_REGION: 'eu-west-1' },
    encoding: 'utf8',
  });
  const elapsed = performance.now() - startedAt;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

/** Median of `runs` runs of `node -e 0` and of requiring each built bundle, interleaved so drift hits both alike. */
export function benchBundles({ runs = 5 } = {}) {
  const bundles = readBundleSizes();
  if (bundles.length === 0) throw new Error('no dist/apps/*/bundles.json: run `npx nx run-many -t build` first');
  const baselineRuns = [];
  const requireRuns = bundles.map(() => []);
  for (let run = 0; run < runs; run += 1) {
    baselineRuns.push(timeChild(['-e', '0']));
    bundles.forEach((bundle, i) => {
      const file = join(root, 'dist', 'apps', bundle.service, bundle.function, 'index.js');
      requireRuns[i].push(timeChild(['-e', `require(${JSON.stringify(file)})`]));
    });
  }
  const baselineMs = median(baselineRuns);
  return {
    runs,
    baselineMs: round(baselineMs),
    rows: bundles.map((bundle, i) => {
      const requireMs = median(requireRuns[i]);
      return {
        service: bundle.service,
        function: bundle.function,
        minifiedKiB: round(bundle.minifiedBytes / KiB),
        gzippedKiB: round(bundle.gzippedBytes / KiB),
        requireMs: round(requireMs),
        overBaselineMs: round(requireMs - baselineMs),
        ratioToBaseline: round(requireMs / baselineMs, 2),
      };
    }),
  };
}

export function bundlesTable({ runs, baselineMs, rows }) {
  return `median of ${runs} child processes each; \`node -e 0\` took ${baselineMs} ms\n\n${markdownTable(
    ['function', 'min KiB', 'gzip KiB', 'require ms', '+ms over node -e 0', '× node -e 0'],
    rows.map((r) => [
      `${r.service}.${r.function}`,
      r.minifiedKiB,
      r.gzippedKiB,
      r.requireMs,
      r.overBaselineMs,
      r.ratioToBaseline,
    ]),
  )}`;
}
