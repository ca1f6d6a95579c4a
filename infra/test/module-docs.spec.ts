import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocks, infraDir, subdirectories, tableNames } from './support/terraform-files';

// Modules look like terraform-aws-modules: the four files, every variable typed and described, an examples/ root
// and a README whose Inputs and Outputs tables list exactly the module's variables and outputs.
const modules = subdirectories(join(infraDir, 'modules'));

describe.each(modules.map((name) => [name, join(infraDir, 'modules', name)] as const))('module %s', (_name, dir) => {
  const variables = blocks(join(dir, 'variables.tf'), 'variable');
  const outputs = blocks(join(dir, 'outputs.tf'), 'output');

  it('has main.tf, variables.tf, outputs.tf, versions.tf, a README and an example root', () => {
    expect(
      ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf', 'README.md'].filter(
        (file) => !existsSync(join(dir, file)),
      ),
    ).toEqual([]);
    expect(subdirectories(join(dir, 'examples')).length).toBeGreaterThan(0);
  });

  it('types and describes every variable, and describes every output', () => {
    expect(
      variables
        .filter(({ body }) => !/^\s*type\s*=/m.test(body) || !/^\s*description\s*=/m.test(body))
        .map(({ name }) => name),
    ).toEqual([]);
    expect(outputs.filter(({ body }) => !/^\s*description\s*=/m.test(body)).map(({ name }) => name)).toEqual([]);
  });

  it('documents exactly its inputs and outputs in the README', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(tableNames(readme, 'Inputs')).toEqual(variables.map(({ name }) => name));
    expect(tableNames(readme, 'Outputs')).toEqual(outputs.map(({ name }) => name));
  });
});
