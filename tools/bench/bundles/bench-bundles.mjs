// Per-function bundle size (from dist/apps/<service>/bundles.json, written by each app's `build` target) and the
// time a fresh Node process takes to load the bundle: the part of a Lambda cold start the bundle is responsible for.
// Measured in the same run, interleaved so drift hits all alike, beside two floors: `node -e 0` and a bundle of
// Dynamoose alone (built here with the functions' own options), and beside an ESM build of every function, so
// CommonJS and ESM compare side by side. Whole processes, wall time, median of `runs`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lambdaBundleOptions } from '../../build/lambda-bundle-options.mjs';
import { markdownTable, median, round } from '../lib/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const KiB = 1024;

/** Every app's bundles.json: [{ service, function, handler, minifiedBytes, gzippedBytes, … }]. */
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

/** Wall time of one child process, from spawn to exit, and the CPU time it reports having used (less load-bound). */
function timeChild(args) {
  const startedAt = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_REGION: 'eu-west-1' },
    encoding: 'utf8',
  });
  const elapsed = performance.now() - startedAt;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return { wallMs: elapsed, cpuMs: Number(result.stdout.trim().split('\n').at(-1)) / 1000 };
}

// Each child prints the CPU time (user + system, µs) its process has used once the bundle is loaded: the init cost
// Lambda scales with memory, and a figure that other work on the machine moves far less than wall time.
const PRINT_CPU = 'const u = process.cpuUsage(); process.stdout.write("\\n" + (u.user + u.system));';
const requireArgs = (file) => ['-e', `require(${JSON.stringify(file)}); ${PRINT_CPU}`];
const importArgs = (file) => [
  '--input-type=module',
  '-e',
  `await import(${JSON.stringify(pathToFileURL(file).href)}); ${PRINT_CPU}`,
];

/** Builds `entry` with the functions' options into `dir`; returns the file and its size. */
async function buildBundle(entry, dir, format) {
  const outfile = join(dir, format === 'esm' ? 'index.mjs' : 'index.js');
  await build(lambdaBundleOptions(root, { entry, outfile, format }));
  return { file: outfile, minifiedBytes: readFileSync(outfile).length };
}

/** Median wall and CPU ms of every process in `timers` (name → `node` arguments), `runs` rounds interleaved. */
function timeInterleaved(timers, runs) {
  const samples = Object.fromEntries(Object.keys(timers).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1)
    for (const [name, args] of Object.entries(timers)) samples[name].push(timeChild(args));
  const medians = (values) => ({
    wall: median(values.map((v) => v.wallMs)),
    cpu: median(values.map((v) => v.cpuMs)),
  });
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, medians(values)]));
}

export async function benchBundles({ runs = 5 } = {}) {
  const bundles = readBundleSizes();
  if (bundles.length === 0) throw new Error('no dist/apps/*/bundles.json: run `npx nx run-many -t build` first');
  const scratch = mkdtempSync(join(tmpdir(), 'harbor-bench-bundles-'));
  try {
    const floor = await buildBundle(join(root, 'tools', 'bench', 'bundles', 'dynamoose-floor.mjs'), scratch, 'cjs');
    const esm = [];
    for (const [i, bundle] of bundles.entries()) {
      const entry = join(root, 'apps', bundle.service, bundle.handler);
      esm.push(await buildBundle(entry, join(scratch, String(i)), 'esm'));
    }
    const timers = { node: ['-e', PRINT_CPU], floor: requireArgs(floor.file) };
    bundles.forEach((bundle, i) => {
      timers[`cjs${i}`] = requireArgs(join(root, 'dist', 'apps', bundle.service, bundle.function, 'index.js'));
      timers[`esm${i}`] = importArgs(esm[i].file);
    });
    const ms = timeInterleaved(timers, runs);
    return {
      runs,
      baselineMs: round(ms.node.wall),
      baselineCpuMs: round(ms.node.cpu),
      floor: {
        minifiedKiB: round(floor.minifiedBytes / KiB),
        requireMs: round(ms.floor.wall),
        cpuMs: round(ms.floor.cpu),
      },
      rows: bundles.map((bundle, i) => ({
        service: bundle.service,
        function: bundle.function,
        usesDynamoose: bundle.usesDynamoose === true,
        minifiedKiB: round(bundle.minifiedBytes / KiB),
        gzippedKiB: round(bundle.gzippedBytes / KiB),
        requireMs: round(ms[`cjs${i}`].wall),
        ratioToBaseline: round(ms[`cjs${i}`].wall / ms.node.wall, 2),
        ratioToFloor: round(ms[`cjs${i}`].wall / ms.floor.wall, 2),
        cpuMs: round(ms[`cjs${i}`].cpu),
        cpuToFloor: round(ms[`cjs${i}`].cpu / ms.floor.cpu, 2),
        sizeToFloor: round(bundle.minifiedBytes / floor.minifiedBytes, 2),
        esmMinifiedKiB: round(esm[i].minifiedBytes / KiB),
        esmImportMs: round(ms[`esm${i}`].wall),
        esmToCjs: round(ms[`esm${i}`].wall / ms[`cjs${i}`].wall, 2),
        esmCpuToCjs: round(ms[`esm${i}`].cpu / ms[`cjs${i}`].cpu, 2),
      })),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function bundlesTable({ runs, baselineMs, baselineCpuMs, floor, rows }) {
  const header =
    `median of ${runs} child processes each, interleaved; \`node -e 0\` took ${baselineMs} ms ` +
    `(${baselineCpuMs} ms CPU); the Dynamoose-only floor is ${floor.minifiedKiB} KiB and its \`require\` took ` +
    `${floor.requireMs} ms (${floor.cpuMs} ms CPU, ` +
    `${round(floor.requireMs / baselineMs, 2)}× node -e 0). CPU ms is the process's user + system time once loaded. ` +
    `"db" marks a function that bundles Dynamoose: its ` +
    `target is × floor; the others' is × node -e 0.`;
  return `${header}\n\n${markdownTable(
    [
      'function',
      'db',
      'min KiB',
      'gzip KiB',
      'size × floor',
      'require ms',
      '× node -e 0',
      '× floor',
      'CPU ms',
      'CPU × floor',
      'ESM KiB',
      'ESM import ms',
      'ESM ÷ CJS',
      'ESM CPU ÷ CJS',
    ],
    rows.map((r) => [
      `${r.service}.${r.function}`,
      r.usesDynamoose ? 'db' : '',
      r.minifiedKiB,
      r.gzippedKiB,
      r.sizeToFloor,
      r.requireMs,
      r.ratioToBaseline,
      r.ratioToFloor,
      r.cpuMs,
      r.cpuToFloor,
      r.esmMinifiedKiB,
      r.esmImportMs,
      r.esmToCjs,
      r.esmCpuToCjs,
    ]),
  )}`;
}
