import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { ServiceGeneratorError } from '../service/service-generator.error';
import { tableGenerator } from './table.generator';

const TABLES = `# The shop's tables: this comment stays.
tables:
  shop:
    description: Items.
    hashKey: { name: pk, type: S }
`;

function tree(): Tree {
  const created = createTreeWithEmptyWorkspace();
  created.write('apps/shop/api/functions.yaml', 'functions: {}\n');
  created.write('apps/shop/api/tables.yaml', TABLES);
  created.write('apps/other/api/functions.yaml', 'functions: {}\n');
  created.write('apps/other/api/tables.yaml', 'tables:\n  other-things: { hashKey: { name: id, type: S } }\n');
  return created;
}

describe('table generator', () => {
  it('adds the table to tables.yaml, keeping what was there and its comments', async () => {
    const workspace = tree();
    await tableGenerator(workspace, { service: 'shop', name: 'shop-orders', description: 'Orders of the shop.' });
    const text = workspace.read('apps/shop/api/tables.yaml', 'utf-8')!;
    expect(text.startsWith(TABLES)).toBe(true);
    expect(parse(text).tables['shop-orders']).toEqual({
      description: 'Orders of the shop.',
      hashKey: { name: 'pk', type: 'S' },
      rangeKey: { name: 'sk', type: 'S' },
    });
    expect(text).toContain('hashKey: { name: pk, type: S }\n    rangeKey: { name: sk, type: S }');
  });

  it('declares a table without a sort key when asked', async () => {
    const workspace = tree();
    await tableGenerator(workspace, { service: 'shop', name: 'shop-keys', hashKey: 'id', rangeKey: 'none' });
    expect(parse(workspace.read('apps/shop/api/tables.yaml', 'utf-8')!).tables['shop-keys']).toEqual({
      description: expect.any(String),
      hashKey: { name: 'id', type: 'S' },
    });
  });

  it.each([
    [{ service: 'shop', name: 'other-things' }, /already declared by apps\/other\/api\/tables.yaml/],
    [{ service: 'shop', name: 'shop' }, /already declared/],
    [{ service: 'shop', name: 'ab' }, /3 to 63/],
    [{ service: 'nowhere', name: 'things' }, /has no apps\/nowhere\/api\/functions.yaml/],
    [{ service: 'shop', name: 'things', hashKey: 'pk', rangeKey: 'pk' }, /must be different/],
  ])('refuses %j, changing nothing', async (options, message) => {
    const workspace = tree();
    await expect(tableGenerator(workspace, options)).rejects.toThrow(ServiceGeneratorError);
    await expect(tableGenerator(workspace, options)).rejects.toThrow(message);
    expect(workspace.read('apps/shop/api/tables.yaml', 'utf-8')).toBe(TABLES);
  });
});
