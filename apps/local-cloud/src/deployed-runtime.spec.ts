import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { deployedRuntime, LAMBDA_MODULE_VARIABLES } from './deployed-runtime';

describe('deployedRuntime', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'harbor-runtime-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const variables = (text: string): string => {
    mkdirSync(dirname(join(workspace, LAMBDA_MODULE_VARIABLES)), { recursive: true });
    writeFileSync(join(workspace, LAMBDA_MODULE_VARIABLES), text);
    return workspace;
  };

  it('reads the runtime the Terraform module deploys', () => {
    expect(deployedRuntime(resolve(__dirname, '../../..'))).toBe('nodejs22.x');
  });

  it('leaves the runtime to its default in a workspace without the module', () => {
    expect(deployedRuntime(workspace)).toBeUndefined();
  });

  it('follows an upgrade of the module default', () => {
    const root = variables('variable "runtime" {\n  description = "x"\n  type = string\n  default = "nodejs24.x"\n}\n');
    expect(deployedRuntime(root)).toBe('nodejs24.x');
  });

  it('stops start-up, naming the file, when the default cannot be read', () => {
    const root = variables('variable "runtime" {\n  type = string\n}\n');
    expect(() => deployedRuntime(root)).toThrow(
      `${LAMBDA_MODULE_VARIABLES}: variable "runtime" has no literal default`,
    );
  });
});
