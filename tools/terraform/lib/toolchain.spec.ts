import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProviderMirror, ToolchainError } from './toolchain.mjs';

// The check finds the provider mirror without a machine-specific path, and says what is missing when it cannot.
describe('findProviderMirror', () => {
  let scratch: string;

  const mirrorWith = (root: string, version: string) => {
    mkdirSync(join(root, 'registry.terraform.io', 'hashicorp', 'aws', version, 'linux_amd64'), { recursive: true });
    return root;
  };

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'harbor-mirror-'));
  });

  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('uses TF_PLUGIN_MIRROR when it holds hashicorp/aws 5.100+', () => {
    const mirror = mirrorWith(join(scratch, 'mirror'), '5.100.0');
    expect(findProviderMirror({ TF_PLUGIN_MIRROR: mirror }, [])).toBe(mirror);
  });

  it('refuses a TF_PLUGIN_MIRROR without the provider, naming the variable and the provider', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    expect(() => findProviderMirror({ TF_PLUGIN_MIRROR: empty }, [])).toThrow(ToolchainError);
    expect(() => findProviderMirror({ TF_PLUGIN_MIRROR: empty }, [])).toThrow(
      /TF_PLUGIN_MIRROR=.*hashicorp\/aws 5\.100\+/,
    );
  });

  it('refuses a provider older than 5.100', () => {
    const mirror = mirrorWith(join(scratch, 'old'), '5.99.1');
    expect(() => findProviderMirror({ TF_PLUGIN_MIRROR: mirror }, [])).toThrow(/hashicorp\/aws 5\.100\+/);
  });

  it('finds a mirror a few levels below a likely root', () => {
    const mirror = mirrorWith(join(scratch, 'opt', 'tools', 'plugins'), '5.100.0');
    expect(findProviderMirror({}, [join(scratch, 'nothing-here'), join(scratch, 'opt')])).toBe(mirror);
  });

  it('fails naming the places it searched when no mirror exists', () => {
    expect(() => findProviderMirror({}, [scratch])).toThrow(new RegExp(`searched ${scratch}.*TF_PLUGIN_MIRROR`, 's'));
  });
});
