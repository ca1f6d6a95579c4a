import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace';

export const infraDir = join(workspaceRoot, 'infra');

export const subdirectories = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
    : [];

/** Blocks of one kind (`variable`, `output`) in a file: name and body text. */
export function blocks(file: string, kind: string): { name: string; body: string }[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const starts = [...text.matchAll(new RegExp(`^${kind}\\s+"([^"]+)"\\s*\\{`, 'gm'))];
  return starts.map((match, index) => ({
    name: match[1],
    body: text.slice(match.index, starts[index + 1]?.index ?? text.length),
  }));
}

/** Names in the first column of a README table under `## <heading>`. */
export function tableNames(readme: string, heading: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
}

/** Every Terraform root CI plans: environments, the bootstrap root and the examples of modules and stacks (relative to infra/). */
export function rootDirs(): string[] {
  const examples = ['modules', 'services'].flatMap((parent) =>
    subdirectories(join(infraDir, parent)).flatMap((name) =>
      subdirectories(join(infraDir, parent, name, 'examples')).map((example) =>
        join(parent, name, 'examples', example),
      ),
    ),
  );
  return [
    ...subdirectories(join(infraDir, 'envs')).map((env) => join('envs', env)),
    ...(existsSync(join(infraDir, 'bootstrap')) ? ['bootstrap'] : []),
    ...examples,
  ];
}
