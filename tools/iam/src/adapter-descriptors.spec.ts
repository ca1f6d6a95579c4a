import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { descriptorDir } from './adapter-descriptors';
import { CodeAccess } from './derived-access';
import { publicMethods } from './public-methods';

// What an adapter calls in AWS is declared beside it (<adapter>.access.ts) and proven by its spec against DynamoDB
// Local or the recorded SDK calls: each descriptor must name its adapter, have that spec, and cover every method.
const workspaceRoot = findWorkspaceRoot(__dirname);
const code = new CodeAccess(workspaceRoot, loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: true }));

describe('adapter access descriptors', () => {
  it('name an adapter declared beside them', () => {
    expect(code.descriptors.length).toBeGreaterThan(0);
    expect(code.unbound.map((descriptor) => `${descriptor.file}: ${descriptor.adapter}`)).toEqual([]);
  });

  it.each(code.descriptors.map((descriptor) => [`${descriptor.file} (${descriptor.exportName})`, descriptor] as const))(
    '%s is proven by a spec beside it',
    (_name, descriptor) => {
      const dir = descriptorDir(descriptor);
      const specs = readdirSync(dir).filter((name) => name.endsWith('.access.spec.ts'));
      expect(specs.filter((spec) => readFileSync(join(dir, spec), 'utf8').includes(descriptor.exportName))).not.toEqual(
        [],
      );
    },
  );

  // A public method left out would be an AWS call nobody declared (a port method left out fails the descriptor's type).
  it('declare every public method of the adapter, and only those', () => {
    const mismatched = code.bound
      .filter(({ descriptor }) => descriptor.methods !== undefined)
      .map(({ descriptor, kinds }) => ({
        adapter: descriptor.adapter,
        declared: Object.keys(descriptor.methods ?? {}).sort(),
        implemented: publicMethods(kinds),
      }))
      .filter(({ declared, implemented }) => JSON.stringify(declared) !== JSON.stringify(implemented));
    expect(mismatched).toEqual([]);
  });
});
