import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * The README's "Layout" section is the map a newcomer reads first, and the design document repeats it, so both are
 * checked against the tree: every path they name exists (`<service>` stands for each service), and every Nx
 * project's folder is named there, exactly.
 */
const root = join(__dirname, '..', '..');
const services = readdirSync(join(root, 'apps')).filter((name) => existsSync(join(root, 'apps', name, 'api')));

function layoutPaths(file: string, heading: RegExp): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const section = text.split(heading)[1]?.split(/^## /m)[0] ?? '';
  const block = section.split('```')[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((path) => path.endsWith('/'));
}

const expand = (path: string): string[] =>
  path.includes('<service>') ? services.map((service) => path.replaceAll('<service>', service)) : [path];

/** Folders of the tracked project.json files (a scratch copy under tmp/ or a fixture workspace is not the tree). */
function projectRoots(): string[] {
  const tracked = execFileSync('git', ['ls-files', '--', ':(glob)**/project.json'], { cwd: root, encoding: 'utf8' });
  return tracked
    .split('\n')
    .filter((path) => path !== '' && !/(^|\/)(fixtures|examples)\//.test(path))
    .map((path) => `${dirname(path)}/`);
}

describe.each([
  ['README.md', /^## Layout$/m],
  ['docs/design.md', /^## Layout \(Nx workspace\)$/m],
])('the layout in %s', (file, heading) => {
  const listed = layoutPaths(file, heading).flatMap(expand);

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
    expect(layoutPaths(file, heading).filter((path) => /<(?!service>)[^>]+>/.test(path))).toEqual([]);
  });
});
