// Gateway throughput and latency, side by side in one run on this machine: a bare node:http server answering the
// same JSON (the baseline), a MOCK route, a Lambda-proxy route with the full Middy + Powertools stack, and an
// SNS-direct route (an `aws` integration publishing to the local SNS), each driven by autocannon.
// The targets take turns for `rounds` rounds (A B C … A B C …) and each figure is the median over the rounds, each
// ratio the median of the round-by-round ratios to the baseline: on a shared machine whose speed drifts, a ratio
// of two runs made seconds apart holds where two absolute figures do not.
//
//   npm run bench:gateway          this part alone: markdown table + dist/bench/gateway.json
//   npm run bench                  every part (tools/bench/bench.mjs imports benchGateway)
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { markdownTable, median, round } from '../lib/report.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const run = promisify(execFile);
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

const HELLO = JSON.stringify({ message: 'hello', service: 'bench' });
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:000000000000:harbor-bench-payment-events';
// A payment notification as the webhook receives it; the subscription below filters it out.
const NOTIFICATION = JSON.stringify({
  notificationId: 'n-1',
  eventType: 'PaymentSucceeded',
  paymentId: 'pay_1',
  orderId: 'o-1',
  amount: { amountMinor: 2500, currency: 'JPY' },
  occurredAt: '2026-01-01T00:00:00.000Z',
});

// The gateway, runtime and SNS are TypeScript libs: bundle the small harness once, as npm start does.
async function loadHarness() {
  const harness = join(root, 'dist', 'bench', 'gateway-harness.cjs');
  await build({
    stdin: {
      contents: `export { createRestApi, restApiListener, queryProtocolDispatcher } from '@harbor/local-cloud-api-gateway';
                 export { createLambdaRuntime } from '@harbor/local-cloud-lambda';
                 export { AsyncDelivery, LocalSns } from '@harbor/local-cloud-messaging';
                 export { TraceRecorder } from '@harbor/local-cloud-trace';`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: harness,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.base.json'),
    logLevel: 'warning',
  });
  return (await import(pathToFileURL(harness).href)).default;
}

const listen = (server) => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));
const close = (server) => new Promise((ok) => server.close(() => ok()));

async function load({ name, url, method = 'GET', body, expect }, { seconds, connections }) {
  const check = await fetch(url, {
    method,
    ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await check.text();
  if (check.status !== 200 || !expect(text))
    throw new Error(`${name} did not answer as expected: ${check.status} ${text}`);
  const bodyArgs = body ? ['-m', method, '-H', 'content-type=application/json', '-b', body] : [];
  // The load generator runs in its own process so it does not share the servers' event loop.
  const cpuBefore = process.cpuUsage();
  const { stdout } = await run(
    process.execPath,
    [autocannonCli, '--json', '-c', String(connections), '-d', String(seconds), ...bodyArgs, url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const cpu = process.cpuUsage(cpuBefore);
  const result = JSON.parse(stdout);
  // CPU the servers spent per request (this process, worker threads included; the load generator is another
  // process): steadier than req/s on a busy machine, and what bounds req/s when one core serves.
  const cpuMicrosPerRequest = Math.round((cpu.user + cpu.system) / Math.max(1, result.requests.total));
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** One target's row: medians over the rounds, and the median of its per-round ratios to the baseline's same round. */
function summarise(name, runs, baselineRuns) {
  const pick = (key) => median(runs.map((run) => run[key]));
  return {
    name,
    requestsPerSecond: Math.round(pick('requestsPerSecond')),
    p50Ms: pick('p50Ms'),
    p99Ms: pick('p99Ms'),
    cpuMicrosPerRequest: pick('cpuMicrosPerRequest'),
    ratioToBaseline: round(
      median(runs.map((run, turn) => run.requestsPerSecond / baselineRuns[turn].requestsPerSecond)),
      3,
    ),
    cpuRatioToBaseline: round(
      median(runs.map((run, turn) => baselineRuns[turn].cpuMicrosPerRequest / run.cpuMicrosPerRequest)),
      3,
    ),
    ratioRange: runs.map((run, turn) => round(run.requestsPerSecond / baselineRuns[turn].requestsPerSecond, 2)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/**
 * Runs every target once per round, in turn, and returns their rows (medians over the rounds), the first being the
 * baseline. `only` names the routes to keep (`mock`, `lambda`, `lambda-plain`, `sns`); the baseline always runs.
 */
export async function benchGateway({ seconds = 5, connections = 50, rounds = 3, only } = {}) {
  const {
    createRestApi,
    restApiListener,
    queryProtocolDispatcher,
    createLambdaRuntime,
    LocalSns,
    AsyncDelivery,
    TraceRecorder,
  } = await loadHarness();
  const runtime = createLambdaRuntime({
    functions: [
      {
        id: 'bench.hello',
        name: 'harbor-bench-hello',
        handlerFile: join(here, 'hello.handler.ts'),
        timeoutSeconds: 10,
        memoryMb: 256,
        environment: {
          POWERTOOLS_SERVICE_NAME: 'bench',
          POWERTOOLS_LOG_LEVEL: 'WARN',
          POWERTOOLS_METRICS_DISABLED: 'true',
          POWERTOOLS_TRACE_ENABLED: 'false',
        },
      },
      {
        id: 'bench.plain',
        name: 'harbor-bench-plain',
        handlerFile: join(here, 'plain.handler.ts'),
        timeoutSeconds: 10,
        memoryMb: 256,
        environment: {},
      },
    ],
    hotReload: false,
    log: () => undefined,
  });
  await runtime.ready();
  const trace = new TraceRecorder();
  const delivery = new AsyncDelivery({ invoker: runtime, trace });
  const sns = new LocalSns({
    topics: [{ name: 'harbor-bench-payment-events', arn: TOPIC_ARN }],
    // As orders' webhook subscription: only settled currencies pass, so the JPY notification reaches no function.
    subscriptions: [
      {
        name: 'bench-payments',
        topicArn: TOPIC_ARN,
        functionId: 'bench.hello',
        filterPolicy: { eventType: ['PaymentSucceeded'], currency: ['EUR', 'GBP', 'USD'] },
        filterPolicyScope: 'MessageAttributes',
        rawMessageDelivery: false,
        deadLetterQueue: false,
      },
    ],
    delivery,
    trace,
    region: 'eu-west-1',
    accountId: '000000000000',
    env: 'bench',
  });
  const placeholders = {
    'lambda_invoke_arns.hello': 'bench.hello',
    'lambda_invoke_arns.plain': 'bench.plain',
    region: 'eu-west-1',
    topic_arn: TOPIC_ARN,
  };
  const api = createRestApi({
    name: 'bench',
    openapi: parse(readFileSync(join(here, 'bench-api.yaml'), 'utf8')),
    sourceFile: 'tools/bench/gateway/bench-api.yaml',
    resolve: (expression) => placeholders[expression],
    invoker: runtime,
    awsServices: queryProtocolDispatcher({ sns }),
    trace,
    stages: [{ name: 'bench', default: true }],
    region: 'eu-west-1',
    accountId: '000000000000',
  });

  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(HELLO) });
    res.end(HELLO);
  });
  const gateway = createServer(restApiListener(api));
  const barePort = await listen(bare);
  const gatewayPort = await listen(gateway);
  const options = { seconds, connections };
  const isHello = (text) => text === HELLO;
  const routes = [
    { name: 'MOCK route', url: `http://127.0.0.1:${gatewayPort}/mock`, expect: isHello },
    { name: 'Lambda proxy route (Middy + Powertools)', url: `http://127.0.0.1:${gatewayPort}/lambda`, expect: isHello },
    {
      name: 'Lambda proxy route (plain handler: the runtime alone)',
      url: `http://127.0.0.1:${gatewayPort}/lambda-plain`,
      expect: isHello,
    },
    {
      name: 'SNS-direct route (VTL → Publish)',
      url: `http://127.0.0.1:${gatewayPort}/sns`,
      method: 'POST',
      body: NOTIFICATION,
      expect: (text) => /^\{"messageId":"[0-9a-f-]{36}"\}$/.test(text),
    },
  ];
  const routeKey = (route) => new URL(route.url).pathname.slice(1);
  try {
    const unknown = (only ?? []).filter((key) => !routes.some((route) => routeKey(route) === key));
    if (unknown.length > 0)
      throw new Error(`unknown gateway bench target ${unknown.join(', ')} (known: ${routes.map(routeKey).join(', ')})`);
    const targets = [
      { name: 'bare node:http (baseline)', url: `http://127.0.0.1:${barePort}/`, expect: isHello },
      ...routes.filter((route) => only === undefined || only.includes(routeKey(route))),
    ];
    const runs = targets.map(() => []);
    for (let turn = 0; turn < rounds; turn += 1) {
      for (const [index, target] of targets.entries()) runs[index].push(await load(target, options));
    }
    const rows = targets.map((target, index) => summarise(target.name, runs[index], runs[0]));
    return { connections, seconds, rounds, rows };
  } finally {
    await Promise.all([close(bare), close(gateway)]);
    delivery.stop();
    await runtime.close();
  }
}

export function gatewayTable({ connections, seconds, rounds, rows }) {
  return `${connections} connections, ${seconds} s per target and round, ${rounds} rounds taken in turn; medians over the rounds\n\n${markdownTable(
    [
      'target',
      'req/s',
      '× baseline',
      'ratio each round',
      'p50 ms',
      'p99 ms',
      'CPU µs/req',
      'baseline CPU ÷ CPU',
      'non-2xx',
      'errors',
    ],
    rows.map((r) => [
      r.name,
      r.requestsPerSecond,
      r.ratioToBaseline,
      r.ratioRange.join(' / '),
      r.p50Ms,
      r.p99Ms,
      r.cpuMicrosPerRequest,
      r.cpuRatioToBaseline,
      r.non2xx,
      r.errors,
    ]),
  )}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchGateway({
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    only: process.env.BENCH_TARGETS?.split(',').filter(Boolean),
  });
  console.log(`\n${gatewayTable(result)}`);
  mkdirSync(join(root, 'dist', 'bench'), { recursive: true });
  writeFileSync(join(root, 'dist', 'bench', 'gateway.json'), JSON.stringify(result, null, 2));
}
