import type { Tree } from '@nx/devkit';
import { ServiceGeneratorError } from '../service/service-generator.error';

// Additive edits of the TypeScript and Terraform files an event is registered in. Each refuses, naming the file,
// when the file no longer looks as expected, rather than guess.

export const CONTRACTS_REGISTRY = 'libs/contracts/src/events/event-contracts.registry.ts';
export const CONTRACTS_BARREL = 'libs/contracts/src/index.ts';
export const SNS_ATTRIBUTES_FILE = 'tools/contracts/sns-message-attributes.ts';

export interface EventNames {
  /** ItemArchived */
  readonly eventName: string;
  /** item-archived */
  readonly fileName: string;
  /** itemArchived */
  readonly propertyName: string;
}

function edit(tree: Tree, path: string, change: (text: string) => string): void {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new ServiceGeneratorError(`${path} is missing`);
  tree.write(path, change(text));
}

/** Appends `line` to a barrel or list file unless it is there already. */
export function appendLine(tree: Tree, path: string, line: string): void {
  edit(tree, path, (text) => (text.includes(line) ? text : `${text.trimEnd()}\n${line}\n`));
}

/** Whether libs/contracts registers an event of that name already. */
export function isRegistered(tree: Tree, eventName: string): boolean {
  const text = tree.read(CONTRACTS_REGISTRY, 'utf-8') ?? '';
  return new RegExp(`import \\{ ${eventName} \\}`).test(text);
}

/** The contract in `eventContracts` (so every consumer can parse it and the documents list it) and in the barrel. */
export function registerContract(tree: Tree, service: string, names: EventNames, sns: boolean): void {
  edit(tree, CONTRACTS_REGISTRY, (text) => {
    const list = /export const eventContracts = \[([^\]]*)\]/.exec(text);
    const lastImport = [...text.matchAll(/^import \{[^}]+\} from '\.\.\/[^']+';$/gm)].pop();
    if (!list || !lastImport)
      throw new ServiceGeneratorError(
        `${CONTRACTS_REGISTRY} has no \`export const eventContracts = [...]\` list after its imports to add ${names.eventName} to`,
      );
    const entries = list[1]
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const end = lastImport.index + lastImport[0].length;
    const withImport = `${text.slice(0, end)}\nimport { ${names.eventName} } from '../${service}/${names.fileName}.event';${text.slice(end)}`;
    return withImport.replace(list[0], `export const eventContracts = [${[...entries, names.eventName].join(', ')}]`);
  });
  const exported = [
    names.eventName,
    ...(sns ? [`${names.propertyName}Attributes`] : []),
    `type ${names.eventName}Envelope`,
    `type ${names.eventName}Payload`,
  ];
  const line = `export { ${exported.join(', ')} } from './${service}/${names.fileName}.event';`;
  const header = `// ${service} events`;
  edit(tree, CONTRACTS_BARREL, (text) =>
    text.includes(header) ? `${text.trimEnd()}\n${line}\n` : `${text.trimEnd()}\n\n${header}\n${line}\n`,
  );
}

/** tools/contracts learns the message attributes of an SNS event from its contract's attributes function. */
export function registerSnsAttributes(tree: Tree, names: EventNames): void {
  edit(tree, SNS_ATTRIBUTES_FILE, (text) => {
    const end = text.lastIndexOf('\n};');
    if (end < 0 || !text.includes('SNS_MESSAGE_ATTRIBUTES'))
      throw new ServiceGeneratorError(
        `${SNS_ATTRIBUTES_FILE} has no SNS_MESSAGE_ATTRIBUTES map to add ${names.eventName} to`,
      );
    const sample = `{ eventType: '${names.eventName}', version: 1, correlationId: 'c', payload: { subjectId: 's' } }`;
    return `${text.slice(0, end)}\n  ${names.eventName}: () => contracts.${names.propertyName}Attributes(${sample}),${text.slice(end)}`;
  });
}

/**
 * infra/system/main.tf: a consumer subscribing to another service's topic needs that stack's topic ARNs
 * (`external_topic_arns`), as notifications gets the orders topics.
 */
export function shareTopicsWith(tree: Tree, owner: string, consumer: string): void {
  const path = 'infra/system/main.tf';
  const ownerModule = owner.replace(/-/g, '_');
  edit(tree, path, (text) => {
    const start = text.indexOf(`module "${consumer.replace(/-/g, '_')}" {`);
    const end = start < 0 ? -1 : text.indexOf('\n}\n', start);
    if (start < 0 || end < 0 || !text.includes(`module "${ownerModule}" {`)) {
      throw new ServiceGeneratorError(
        `${path} has no module "${consumer}" or "${owner}" block: give the ${consumer} stack external_topic_arns = module.${ownerModule}.topic_arns by hand`,
      );
    }
    const block = text.slice(start, end);
    const topics = `module.${ownerModule}.topic_arns`;
    if (block.includes(topics)) return text;
    const existing = /^(\s*external_topic_arns\s*=\s*)(.+)$/m.exec(block);
    let changed: string;
    if (existing) changed = block.replace(existing[0], `${existing[1]}merge(${existing[2].trim()}, ${topics})`);
    else {
      const bus = /^( {2}event_bus_name)( *)= .*$/m.exec(block);
      if (!bus)
        throw new ServiceGeneratorError(
          `${path}: module "${consumer}" passes no event_bus_name to add external_topic_arns after`,
        );
      const width = bus[1].length + bus[2].length;
      changed = block.replace(bus[0], `${bus[0]}\n${'  external_topic_arns'.padEnd(width)}= ${topics}`);
    }
    return `${text.slice(0, start)}${changed}${text.slice(end)}`;
  });
}
