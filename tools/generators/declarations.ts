import type { Tree } from '@nx/devkit';
import { isMap, parseDocument, type Document } from 'yaml';
import { ServiceGeneratorError } from './service/service-generator.error';

// Reading and editing apps/<service>/api/*.yaml in a Tree. The yaml Document keeps comments and layout, so an
// edit adds its lines and leaves every other line as it was.

export const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function apiFile(service: string, file: string): string {
  return `apps/${service}/api/${file}`;
}

/** A service of the workspace, or an error naming what is missing. */
export function requireService(tree: Tree, service: string): void {
  if (!SERVICE_NAME.test(service)) throw new ServiceGeneratorError(`service name "${service}" must be kebab case`);
  if (!tree.exists(apiFile(service, 'functions.yaml'))) {
    throw new ServiceGeneratorError(
      `service "${service}" has no ${apiFile(service, 'functions.yaml')}: create it with npx nx g @harbor/tools:service ${service}`,
    );
  }
}

export function readDeclaration(tree: Tree, path: string): Document {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new ServiceGeneratorError(`${path} is missing`);
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new ServiceGeneratorError(`${path} is not valid YAML: ${document.errors[0].message}`);
  return document;
}

export function writeDeclaration(tree: Tree, path: string, document: Document): void {
  tree.write(path, unpadFlowSequences(document.toString({ lineWidth: 0 })));
}

/** The declarations write flow sequences unpadded (`[OrderPlaced]`) and flow maps padded, which yaml cannot do by itself. */
function unpadFlowSequences(text: string): string {
  return text.split('\n').map(unpadLine).join('\n');
}

/** Drops the space after `[` and before `]` outside quotes and comments. */
function unpadLine(line: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '#' && (i === 0 || line[i - 1] === ' ')) return out + line.slice(i);
    else if (char === ' ' && line[i - 1] === '[' && line[i + 1] !== ' ' && line[i + 1] !== undefined) continue;
    else if (char === ' ' && line[i + 1] === ']' && line[i - 1] !== ' ' && line[i - 1] !== '[') continue;
    out += char;
  }
  return out;
}

/** Adds `value` under `section.key`, refusing a key the section already has. */
export function addEntry(
  document: Document,
  path: string,
  section: string,
  key: string,
  value: unknown,
  options: { flow?: boolean } = {},
): void {
  if (!isMap(document.get(section))) document.set(section, document.createNode({}));
  if (document.hasIn([section, key])) throw new ServiceGeneratorError(`${path}: ${section}.${key} exists already`);
  const node = document.createNode(value, { flow: options.flow ?? false });
  document.setIn([section, key], node);
  const map = document.get(section);
  if (isMap(map)) map.flow = false;
}

/** Every table key declared by any service: table keys name physical tables, so they are unique across services. */
export function declaredTableKeys(tree: Tree): Map<string, string> {
  const owners = new Map<string, string>();
  for (const service of tree.children('apps')) {
    const path = apiFile(service, 'tables.yaml');
    if (!tree.exists(path)) continue;
    const tables = readDeclaration(tree, path).get('tables');
    if (isMap(tables))
      for (const pair of tables.items)
        owners.set(String((pair.key as { value?: unknown })?.value ?? pair.key), service);
  }
  return owners;
}
