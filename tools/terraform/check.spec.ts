import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Without Terraform or the provider mirror the check fails, saying what is missing: it never passes silently.
describe('check.mjs without its toolchain', () => {
  const check = join(__dirname, 'check.mjs');
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [check], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('fails naming Terraform when it is not on PATH', () => {
    const result = run({ PATH: join(tmpdir(), 'no-terraform-here') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Terraform check FAILED: Terraform was not found on PATH/);
  });

  it('fails naming TF_PLUGIN_MIRROR when it holds no aws provider', () => {
    const empty = mkdtempSync(join(tmpdir(), 'harbor-empty-mirror-'));
    try {
      const result = run({ TF_PLUGIN_MIRROR: empty });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /Terraform check FAILED: (TF_PLUGIN_MIRROR=.* holds no hashicorp\/aws|Terraform was not found on PATH)/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
