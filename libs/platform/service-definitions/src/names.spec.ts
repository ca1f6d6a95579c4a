import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkspaceRoot } from './find-workspace-root';
import { functionId, physicalName } from './names';

describe('names', () => {
  it('builds physical names and function ids', () => {
    expect(physicalName('dev', 'orders')).toBe('harbor-dev-orders');
    expect(functionId('orders', 'placeOrder')).toBe('orders.placeOrder');
  });

  it('rejects an environment name that would make an invalid resource name', () => {
    expect(() => physicalName('Dev Env', 'orders')).toThrow('Invalid environment name "Dev Env"');
  });
});

describe('findWorkspaceRoot', () => {
  const root = mkdtempSync(join(tmpdir(), 'harbor-root-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks up to the folder holding nx.json', () => {
    writeFileSync(join(root, 'nx.json'), '{}');
    const deep = join(root, 'libs', 'a', 'src');
    mkdirSync(deep, { recursive: true });
    expect(findWorkspaceRoot(deep)).toBe(root);
  });

  it('fails naming where it started when there is no workspace', () => {
    expect(() => findWorkspaceRoot('/')).toThrow('No nx.json found in /');
  });
});
