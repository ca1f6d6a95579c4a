// npm run bench — every benchmark side by side in one run on this machine, one markdown table per part, and
// dist/bench/bench.json with the raw figures. Each part measures against a baseline taken in the same run, so the
// ratios hold on a noisy, shared machine better than the absolute numbers do.
//
//   npm run bench                                   gateway, flow, bundles, start, scheduler; npm test times as last recorded
//   npm run bench -- --only gateway,bundles         some parts
//   npm run bench -- --with-test-times              also run `npm test` cold and cached (minutes)
//   BENCH_SECONDS=2 BENCH_ORDERS=50 npm run bench   shorter runs while developing
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBundles, bundlesTable } from './bundles/bench-bundles.mjs';
import { benchFlow, flowTable } from './flow/bench-flow.mjs';
import { benchGateway, gatewayTable } from './gateway/bench-gateway.mjs';
import { benchScheduler, schedulerTable } from './scheduler/bench-scheduler.mjs';
import { benchStart, startTable } from './start/bench-start.mjs';
import { benchTestTimes, recordedTestTimes, testTimesTable } from './test-times/bench-test-times.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PARTS = ['gateway', 'flow', 'bundles', 'start', 'scheduler'];

function parseArgs(argv) {
  const options = { only: PARTS, withTestTimes: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--with-test-times') options.withTestTimes = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      options.only = (value ?? '').split(',').filter(Boolean);
      const unknown = options.only.filter((part) => !PARTS.includes(part));
      if (unknown.length > 0 || options.only.length === 0)
        throw new Error(`--only takes a comma-separated list of ${PARTS.join(', ')}`);
    } else throw new Error(`unknown option ${arg} (known: --only <parts>, --with-test-times)`);
  }
  return options;
}

const numberFromEnv = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);

/** The bundles are measured as built: build every app first (served from the Nx cache when nothing changed). */
function buildApps() {
  const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
  const result = spawnSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['nx', 'run-many', '-t', 'build', '--outputStyle=static'],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) throw new Error('`nx run-many -t build` failed');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const seconds = numberFromEnv('BENCH_SECONDS', 5);
  const report = {
    measuredAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
    },
  };
  const section = (title, table) => console.log(`\n## ${title}\n\n${table}`);

  // One part at a time: they would otherwise compete for the same cores.
  if (options.only.includes('gateway')) {
    report.gateway = await benchGateway({
      seconds,
      connections: numberFromEnv('BENCH_CONNECTIONS', 50),
      rounds: numberFromEnv('BENCH_ROUNDS', 3),
    });
    section('Gateway', gatewayTable(report.gateway));
  }
  if (options.only.includes('flow')) {
    report.flow = await benchFlow({
      orders: numberFromEnv('BENCH_ORDERS', 200),
      concurrency: numberFromEnv('BENCH_CONCURRENCY', 20),
      ceilingSeconds: seconds,
    });
    section('Order flow', flowTable(report.flow));
  }
  if (options.only.includes('bundles')) {
    buildApps();
    report.bundles = await benchBundles({ runs: numberFromEnv('BENCH_RUNS', 5) });
    section('Bundles', bundlesTable(report.bundles));
  }
  if (options.only.includes('start')) {
    report.start = await benchStart({ runs: numberFromEnv('BENCH_START_RUNS', 3) });
    section('`npm start` ready time', startTable(report.start));
  }
  if (options.only.includes('scheduler')) {
    report.scheduler = await benchScheduler({ count: numberFromEnv('BENCH_SCHEDULES', 200) });
    section('Scheduler firing accuracy', schedulerTable(report.scheduler));
  }
  report.testTimes = options.withTestTimes ? benchTestTimes() : recordedTestTimes();
  section('`npm test` time', testTimesTable(report.testTimes));

  mkdirSync(join(root, 'dist', 'bench'), { recursive: true });
  writeFileSync(join(root, 'dist', 'bench', 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log('\nfigures: dist/bench/bench.json');
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
