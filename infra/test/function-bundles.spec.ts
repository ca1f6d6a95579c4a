import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { block } from './support/collections';
import { eachPlanCase } from './support/plan-cases';

// What an offline plan cannot see: that the zip each function is deployed from holds the file its `handler`
// names, exporting that function, and that the bundle loads with exactly the environment Terraform gives it.
// "The handler setting index.handler: the file index.js exports a function named handler"
// (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html).
const run = promisify(execFile);
const LOAD = `const exported = require(process.argv[1])[process.argv[2]];
if (typeof exported !== 'function') { console.error('exports ' + typeof exported); process.exit(1); }`;

const scratch = mkdtempSync(join(tmpdir(), 'harbor-bundles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Every environment deploys the same zips; dev's plan is enough (prod differs in values, not in variables).
describe.each(eachPlanCase().filter(([id]) => id === 'envs-dev'))('function bundles planned in %s', (id, { plan }) => {
  const functions = plan.ofType('aws_lambda_function').map(({ values }) => ({
    name: String(values.function_name),
    handler: String(values.handler),
    zip: String(values.filename),
    environment: (block(values.environment)?.variables ?? {}) as Record<string, string>,
  }));

  it('deploy one bundle per function', () => {
    expect(functions.length).toBeGreaterThan(0);
  });

  it.each(functions.map((fn) => [fn.name, fn] as const))(
    '%s: the zip holds the handler file, which loads with the planned environment',
    async (name, fn) => {
      const [file, exportName] = [
        fn.handler.slice(0, fn.handler.lastIndexOf('.')),
        fn.handler.slice(fn.handler.lastIndexOf('.') + 1),
      ];
      expect(existsSync(fn.zip)).toBe(true);
      const entries = unzipSync(readFileSync(fn.zip));
      expect(Object.keys(entries)).toContain(`${file}.js`);
      const dir = join(scratch, id, name);
      mkdirSync(dir, { recursive: true });
      for (const [entry, bytes] of Object.entries(entries)) writeFileSync(join(dir, entry), bytes);
      // As Lambda starts it: region and function name set, no credentials needed to load (clients connect lazily).
      const env = {
        PATH: process.env['PATH'] ?? '',
        AWS_REGION: 'eu-west-1',
        AWS_LAMBDA_FUNCTION_NAME: name,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...fn.environment,
      };
      await expect(
        run(process.execPath, ['-e', LOAD, join(dir, `${file}.js`), exportName], { env, timeout: 30_000 }),
      ).resolves.toBeDefined();
    },
    60_000,
  );
});
