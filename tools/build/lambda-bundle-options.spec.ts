import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lambdaBundleOptions } from './lambda-bundle-options.mjs';

const root = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'harbor-bundle-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds `files` (name → source; `entry.ts` is the entry) with the Lambda bundles' own options. */
async function bundle(name: string, files: Record<string, string>) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, source] of Object.entries(files)) writeFileSync(join(dir, file), source);
  const outfile = join(dir, 'out', 'index.js');
  // The fixtures sit outside the workspace: let them find its node_modules.
  await build({
    ...lambdaBundleOptions(root, { entry: join(dir, 'entry.ts'), outfile }),
    nodePaths: [join(root, 'node_modules')],
  });
  return outfile;
}

describe('the Lambda bundle options', () => {
  it('leave out a first-party module none of whose exports is used, though its top level calls something', async () => {
    const outfile = await bundle('barrel', {
      'entry.ts': "import { used } from './barrel';\nexport const handler = () => used();\n",
      'barrel.ts': "export { used } from './used';\nexport { model } from './unused';\n",
      'used.ts': "export const used = () => 'USED-ADAPTER';\n",
      // As a Dynamoose model or a zod schema does: a call at the top level of a module the handler never wires.
      'unused.ts': "export const model = String('UNUSED-ADAPTER').repeat(2);\n",
    });
    const code = readFileSync(outfile, 'utf8');
    expect(code).toContain('USED-ADAPTER');
    expect(code).not.toContain('UNUSED-ADAPTER');
  });

  // Lambda sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the execution role
  // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
  describe('give SDK clients the credentials Lambda puts in the environment, and only those', () => {
    let outfile: string;
    let home: string;
    beforeAll(async () => {
      outfile = await bundle('credentials', {
        'entry.ts': [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "const client = new DynamoDBClient({ region: 'eu-west-1' });",
          'client.config.credentials().then(',
          '  (c) => console.log(JSON.stringify(c)),',
          '  (e) => { console.log(e.name + ": " + e.message); process.exitCode = 3; },',
          ');',
        ].join('\n'),
      });
      // A profile the default chain would find, to show it is not consulted.
      home = join(scratch, 'home');
      mkdirSync(join(home, '.aws'), { recursive: true });
      writeFileSync(
        join(home, '.aws', 'credentials'),
        '[default]\naws_access_key_id = FROM_PROFILE\naws_secret_access_key = profile-secret\n',
      );
    });

    const run = (env: Record<string, string>) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, [outfile], { env: { PATH: '', HOME: home, ...env } }).toString(),
        };
      } catch (error) {
        const failed = error as { status: number; stdout: Buffer };
        return { code: failed.status, out: failed.stdout.toString() };
      }
    };

    it("resolve the function's role keys from the environment", () => {
      const { code, out } = run({
        AWS_ACCESS_KEY_ID: 'ASIAFROMLAMBDA',
        AWS_SECRET_ACCESS_KEY: 'role-secret',
        AWS_SESSION_TOKEN: 'role-token',
      });
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({
        accessKeyId: 'ASIAFROMLAMBDA',
        secretAccessKey: 'role-secret',
        sessionToken: 'role-token',
      });
    });

    it('fail with the SDK error naming the variables when they are missing, never reading a profile', () => {
      const { code, out } = run({});
      expect(code).toBe(3);
      expect(out).toMatch(/^CredentialsProviderError: Unable to find environment variable credentials/);
      expect(out).not.toContain('FROM_PROFILE');
    });
  });
});
