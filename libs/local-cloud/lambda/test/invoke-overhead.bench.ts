/**
 * Measures what the runtime costs: per-invoke overhead of a trivial handler, throughput with 50 invocations in
 * flight, the same for a Middy + Powertools handler, cold starts, and save-to-new-code latency of hot reload.
 * Run: npx jest -c libs/local-cloud/lambda/jest.config.cjs --testMatch '**\/*.bench.ts'
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaRuntime } from '../src/lambda-runtime';
import { closeAll, fixture, specFor, startRuntime, temporaryDirectory } from './runtime-harness';

jest.setTimeout(300_000);
afterAll(closeAll);

const figures: Record<string, string> = {};

async function sequentialMicros(runtime: LambdaRuntime, functionId: string, count: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await runtime.invoke({ functionId, event: { index } });
  return ((performance.now() - started) * 1000) / count;
}

async function perSecond(runtime: LambdaRuntime, functionId: string, count: number, inFlight: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const outcome = await runtime.invoke({ functionId, event: { name: 'bench' } });
      if (!outcome.ok) throw new Error(outcome.error.errorMessage);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return count / ((performance.now() - started) / 1000);
}

it('measures the runtime', async () => {
  const trivial = specFor('trivial', fixture('trivial'));
  const powertools = specFor('powertools', fixture('powertools'), { environment: { POWERTOOLS_LOG_LEVEL: 'WARN' } });
  const { runtime } = startRuntime([trivial, powertools]);

  const coldTrivial = await runtime.invoke({ functionId: trivial.id, event: {} });
  const coldPowertools = await runtime.invoke({ functionId: powertools.id, event: { name: 'cold' } });
  figures['cold start, trivial (ms, total / init)'] =
    `${coldTrivial.durationMs.toFixed(0)} / ${coldTrivial.initDurationMs?.toFixed(0)}`;
  figures['cold start, Middy + Powertools (ms, total / init)'] =
    `${coldPowertools.durationMs.toFixed(0)} / ${coldPowertools.initDurationMs?.toFixed(0)}`;

  await sequentialMicros(runtime, trivial.id, 2000); // warm-up
  const direct = async (event: unknown): Promise<unknown> => event;
  const directStarted = performance.now();
  for (let index = 0; index < 20000; index += 1) await direct({ index });
  const directMicros = ((performance.now() - directStarted) * 1000) / 20000;
  const sequential = await sequentialMicros(runtime, trivial.id, 10000);
  figures['trivial, sequential (µs per invoke; overhead over a direct call)'] =
    `${sequential.toFixed(1)} (${(sequential - directMicros).toFixed(1)})`;
  figures['trivial, 50 in flight (invokes/s)'] = (await perSecond(runtime, trivial.id, 40000, 50)).toFixed(0);
  await perSecond(runtime, powertools.id, 2000, 50); // warm-up
  figures['Middy + Powertools, 50 in flight (invokes/s)'] = (
    await perSecond(runtime, powertools.id, 20000, 50)
  ).toFixed(0);
  figures['Middy + Powertools, sequential (µs per invoke)'] = (
    await sequentialMicros(runtime, powertools.id, 5000)
  ).toFixed(1);

  const directory = temporaryDirectory();
  const handlerFile = join(directory, 'reload.handler.ts');
  const source = (version: number): string => `export const handler = async () => ({ version: ${version} });\n`;
  writeFileSync(handlerFile, source(0));
  const reloading = specFor('reload', handlerFile);
  const hot = startRuntime([reloading], { hotReload: true }).runtime;
  await hot.invoke({ functionId: reloading.id, event: {} });
  const latencies: number[] = [];
  for (let version = 1; version <= 10; version += 1) {
    const savedAt = performance.now();
    writeFileSync(handlerFile, source(version));
    for (;;) {
      const outcome = await hot.invoke({ functionId: reloading.id, event: {} });
      if (outcome.ok && (outcome.result as { version: number }).version === version) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    latencies.push(performance.now() - savedAt);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  latencies.sort((a, b) => a - b);
  figures['hot reload, save to new answer (ms, median / max of 10)'] =
    `${latencies[5].toFixed(0)} / ${latencies[9].toFixed(0)}`;

  console.log(
    Object.entries(figures)
      .map(([name, value]) => `${name.padEnd(68)} ${value}`)
      .join('\n'),
  );
  expect(latencies[9]).toBeLessThan(500);
});
