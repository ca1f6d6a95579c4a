import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLambdaRuntime, type LambdaRuntime, type LambdaRuntimeOptions } from '../src/lambda-runtime';
import type { LambdaFunctionSpec } from '../src/lambda-function-spec';

export const fixture = (name: string): string => join(__dirname, 'fixtures', `${name}.handler.ts`);

/** A spec for one of the fixture handlers (or any file), with Lambda's defaults. */
export function specFor(
  key: string,
  handlerFile: string,
  overrides: Partial<LambdaFunctionSpec> = {},
): LambdaFunctionSpec {
  return {
    id: `fixtures.${key}`,
    name: `harbor-test-fixtures-${key}`,
    handlerFile,
    timeoutSeconds: 3,
    memoryMb: 256,
    environment: {},
    ...overrides,
  };
}

export interface TestRuntime {
  readonly runtime: LambdaRuntime;
  /** Lines logged so far, per function id. */
  readonly lines: (functionId: string) => string[];
}

/** A runtime whose log lines are kept for assertions; closed by `closeAll` after each test file. */
export function startRuntime(
  functions: LambdaFunctionSpec[],
  options: Partial<LambdaRuntimeOptions> = {},
): TestRuntime {
  const logged = new Map<string, string[]>();
  const runtime = createLambdaRuntime({
    functions,
    hotReload: false,
    region: 'eu-west-1',
    accountId: '123456789012',
    log: (functionId, line) => logged.set(functionId, [...(logged.get(functionId) ?? []), line]),
    ...options,
  });
  started.push(runtime);
  return { runtime, lines: (functionId) => logged.get(functionId) ?? [] };
}

const started: LambdaRuntime[] = [];
const temporaryDirectories: string[] = [];

export function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'harbor-lambda-'));
  temporaryDirectories.push(directory);
  return directory;
}

export async function closeAll(): Promise<void> {
  await Promise.all(started.splice(0).map((runtime) => runtime.close()));
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
}
