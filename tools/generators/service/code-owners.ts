import type { Tree } from '@nx/devkit';

const PATH = 'CODEOWNERS';
const HEADER = `# Who reviews what: each service's team owns its app, libs and stack (GitHub CODEOWNERS; the last match wins).
# \`npx nx g @harbor/tools:service <name>\` adds the lines of a new service.
`;

/** The folders a service owns. */
const ownedPaths = (service: string) => [`/apps/${service}/`, `/libs/${service}/`, `/infra/services/${service}/`];

function linesFor(service: string, owners: string): string {
  return `\n# ${service}\n${ownedPaths(service)
    .map((path) => `${path} ${owners}`)
    .join('\n')}\n`;
}

/** Services already in the workspace: every apps/<name> with an api/ folder. */
function existingServices(tree: Tree): string[] {
  return tree
    .children('apps')
    .filter((app) => tree.exists(`apps/${app}/api`))
    .sort();
}

/** Adds the service's lines; a missing CODEOWNERS is created with every existing service's lines first. */
export function addCodeOwners(tree: Tree, service: string, owners: string): void {
  const current = tree.read(PATH, 'utf-8');
  if (current === null) {
    const others = existingServices(tree).filter((name) => name !== service);
    tree.write(
      PATH,
      HEADER + others.map((name) => linesFor(name, `@harbor/${name}-team`)).join('') + linesFor(service, owners),
    );
    return;
  }
  if (current.includes(`/apps/${service}/ `)) return;
  tree.write(PATH, `${current.trimEnd()}\n${linesFor(service, owners)}`);
}
