import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The README's "Layout" section is the map a newcomer reads first, so it is checked against the tree: every path it
 * names exists (`<service>` stands for each service), and every Nx project's folder is named there, exactly.
 */
const root = join(__dirname, '..', '..');
const services = readdirSync(join(root, 'apps')).filter((name) => existsSync(join(root, 'apps', name, 'api')));

function layoutPaths(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Layout$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = section.split('```')[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((path) => path.endsWith('/'));
}

const expand = (path: string): string[] =>
  path.includes('<service>') ? services.map((service) => path.replaceAll('<service>', service)) : [path];

function projectRoots(dir = root): string[] {
  const skip = new Set(['node_modules', 'dist', '.git', '.data', 'fixtures', 'examples', 'coverage']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || skip.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    const here = existsSync(join(path, 'project.json')) ? [`${relative(root, path)}/`] : [];
    return [...here, ...projectRoots(path)];
  });
}

describe('README layout', () => {
  const listed = layoutPaths().flatMap(expand);

  it('is found', () => {
    expect(listed.length).toBeGreaterThan(10);
  });

  it('names only paths that exist', () => {
    expect(listed.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('names every Nx project folder', () => {
    expect(projectRoots().filter((path) => !listed.includes(path))).toEqual([]);
  });

  it('uses no placeholder but <service>', () => {
    expect(layoutPaths().filter((path) => /<(?!service>)[^>]+>/.test(path))).toEqual([]);
  });
});
