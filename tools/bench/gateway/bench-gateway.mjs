// npm run bench:gateway — gateway throughput and latency, side by side in one run on this machine:
// a bare node:http server answering the same JSON (the baseline), a MOCK route, and a Lambda-proxy route with
// the full Middy + Powertools stack, each driven by autocannon with 50 connections.
// Prints a markdown table and writes dist/bench/gateway.json.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

// The gateway and runtime are TypeScript libs: bundle the small harness once, as npm start does.
const harness = join(root, 'dist', 'bench', 'gateway-harness.cjs');
await build({
  stdin: {
    contents: `export { createRestApi, restApiListener } from '@harbor/local-cloud-gateway';
               export { createLambdaRuntime } from '@harbor/local-cloud-lambda';`,
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
const { createRestApi, restApiListener, createLambdaRuntime } = (await import(pathToFileURL(harness).href)).default;
const { parse } = await import('yaml');
const { readFileSync } = await import('node:fs');

const runtime = createLambdaRuntime({
  functions: [{ id: 'bench.hello', name: 'harbor-bench-hello', handlerFile: join(here, 'hello.handler.ts'), timeoutSeconds: 10, memoryMb: 256, environment: { POWERTOOLS_SERVICE_NAME: 'bench', POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_TRACE_ENABLED: 'false' } }],
  hotReload: false,
  log: () => undefined,
});
await runtime.ready();
const api = createRestApi({
  name: 'bench',
  openapi: parse(readFileSync(join(here, 'bench-api.yaml'), 'utf8')),
  sourceFile: 'tools/bench/gateway/bench-api.yaml',
  resolve: (expression) => (expression === 'lambda_invoke_arns.hello' ? 'bench.hello' : undefined),
  invoker: runtime,
  stages: [{ name: 'bench', default: true }],
});

const run = promisify(execFile);
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const body = JSON.stringify({ message: 'hello', service: 'bench' });
const bare = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
const gateway = createServer(restApiListener(api));
const listen = (server) => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));
const barePort = await listen(bare);
const gatewayPort = await listen(gateway);

async function load(name, url) {
  const check = await fetch(url);
  if (check.status !== 200 || (await check.text()) !== body) throw new Error(`${name} did not answer the expected JSON`);
  // The load generator runs in its own process so it does not share the servers' event loop.
  const { stdout } = await run(process.execPath, [autocannonCli, '--json', '-c', String(connections), '-d', String(seconds), url], { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  return { name, requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const rows = [];
rows.push(await load('bare node:http (baseline)', `http://127.0.0.1:${barePort}/`));
rows.push(await load('MOCK route', `http://127.0.0.1:${gatewayPort}/mock`));
rows.push(await load('Lambda proxy route (Middy + Powertools)', `http://127.0.0.1:${gatewayPort}/lambda`));
const baseline = rows[0].requestsPerSecond;
for (const row of rows) row.ratioToBaseline = Number((row.requestsPerSecond / baseline).toFixed(3));

console.log(`\n${connections} connections, ${seconds} s each\n`);
console.log('| target | req/s | × baseline | p50 ms | p99 ms | non-2xx | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${r.ratioToBaseline} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} | ${r.errors} |`);
mkdirSync(join(root, 'dist', 'bench'), { recursive: true });
writeFileSync(join(root, 'dist', 'bench', 'gateway.json'), JSON.stringify({ connections, seconds, rows }, null, 2));

bare.close();
gateway.close();
await runtime.close();
