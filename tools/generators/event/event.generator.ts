import { formatFiles, generateFiles, logger, names, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { isMap, isSeq } from 'yaml';
import { afterwards, regenerateAccess } from '../access-callback';
import { regenerateContracts } from '../contracts-callback';
import { addEntry, apiFile, readDeclaration, requireService, writeDeclaration } from '../declarations';
import { ServiceGeneratorError } from '../service/service-generator.error';
import { addPublished, declaredTopics, flowAt, publishedEventNames, publishingTopic } from './event-declarations';
import {
  appendLine,
  isRegistered,
  registerContract,
  registerSnsAttributes,
  shareTopicsWith,
  type EventNames,
} from './event-registrations';

export interface EventGeneratorSchema {
  /** The publishing service. */
  readonly service: string;
  /** PascalCase event name (ItemArchived). */
  readonly name: string;
  /**
   * sns (default): the service's topic and a subscription with a filter policy; bus: the platform bus and a rule.
   * A bus event of a service with an outbox relay goes through the relay; an sns event always gets a direct publisher.
   */
  readonly channel?: 'sns' | 'bus';
  /** The consuming service; default the publishing one. */
  readonly consumer?: string;
  /** SNS topic key when the service publishes to no topic yet; default <service>-events. */
  readonly topic?: string;
}

const EVENT_NAME = /^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/;
const TOPIC_KEY = /^[a-z][a-z0-9-]*$/;
const DEFAULT_BUDGET_KIB = 920;

/** The consumer's table the processed-event records go to: the one named after the service, else its first. */
function ledgerTable(tree: Tree, consumer: string): { key: string; hashKey: string; rangeKey: string | undefined } {
  const path = apiFile(consumer, 'tables.yaml');
  const tables = tree.exists(path) ? readDeclaration(tree, path).get('tables') : undefined;
  const keys = isMap(tables)
    ? tables.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key))
    : [];
  const key = keys.includes(consumer) ? consumer : keys[0];
  if (!isMap(tables) || key === undefined)
    throw new ServiceGeneratorError(
      `${path} declares no table: the consumer records the events it handled in one (npx nx g @harbor/tools:table ${consumer} ${consumer})`,
    );
  const table = tables.toJSON()[key] as {
    hashKey?: { name?: string; type?: string };
    rangeKey?: { name?: string; type?: string };
  };
  if (table.hashKey?.type !== 'S' || (table.rangeKey && table.rangeKey.type !== 'S')) {
    throw new ServiceGeneratorError(`${path}: table ${key} needs string (S) keys to hold processed-event records`);
  }
  return { key, hashKey: String(table.hashKey.name), rangeKey: table.rangeKey?.name };
}

function requireHexagon(tree: Tree, service: string): void {
  const missing = ['application', 'adapters']
    .map((layer) => `libs/${service}/${layer}/src/index.ts`)
    .filter((path) => !tree.exists(path));
  if (missing.length > 0)
    throw new ServiceGeneratorError(
      `service "${service}" has no ${missing.join(', ')}: the event's port, adapters and use case go there`,
    );
}

/**
 * `npx nx g @harbor/tools:event <service> <Name>`: a new event end to end. The versioned contract in libs/contracts
 * (registered, so the documents and every consumer know it), where the service publishes it (events.yaml), how it
 * is sent, and a consumer: subscription with a filter policy (or rule with a pattern) derived from the contract, a
 * Middy handler, a use case idempotent by eventId, their tests, and a bundle budget. A bus event of a service with
 * an outbox relay is sent by that relay (the use case hands its envelope to the repository's transactional write),
 * so no publisher is generated; otherwise, and for SNS, a port and a direct publisher adapter. The callback
 * regenerates docs/contracts, whose AsyncAPI documents and catalogue list the event.
 */
export async function eventGenerator(tree: Tree, options: EventGeneratorSchema): Promise<GeneratorCallback> {
  const service = options.service;
  const consumer = options.consumer ?? service;
  requireService(tree, service);
  requireService(tree, consumer);
  const channel = options.channel ?? defaultChannel(tree, service, options.topic);
  const sns = channel === 'sns';
  if (channel !== 'sns' && channel !== 'bus')
    throw new ServiceGeneratorError(`channel "${String(channel)}" must be sns or bus`);
  requireHexagon(tree, service);
  requireHexagon(tree, consumer);
  if (!EVENT_NAME.test(options.name))
    throw new ServiceGeneratorError(`event name "${options.name}" must be PascalCase, like ItemArchived`);
  if (options.topic !== undefined && (!sns || !TOPIC_KEY.test(options.topic)))
    throw new ServiceGeneratorError(`--topic "${options.topic}" must be a kebab-case topic key, with --channel sns`);

  const { fileName, propertyName, constantName } = names(options.name);
  const eventNames: EventNames = { eventName: options.name, fileName, propertyName };
  const contractFile = `libs/contracts/src/${service}/${fileName}.event.ts`;
  if (isRegistered(tree, options.name) || tree.exists(contractFile) || publishedEventNames(tree).has(options.name)) {
    throw new ServiceGeneratorError(
      `event ${options.name} exists already (libs/contracts or an events.yaml has it): publish a new version of it instead`,
    );
  }
  const functionKey = `on${options.name}`;
  const handlerFile = `apps/${consumer}/src/on-${fileName}.handler.ts`;
  if (tree.exists(handlerFile)) throw new ServiceGeneratorError(`${handlerFile} exists already`);

  const ownerEventsPath = apiFile(service, 'events.yaml');
  const ownerEvents = readDeclaration(tree, ownerEventsPath);
  const topic = sns ? publishingTopic(ownerEvents, service, options.topic) : undefined;
  if (topic !== undefined) {
    const owner = declaredTopics(tree).get(topic);
    if (owner !== undefined && owner !== service)
      throw new ServiceGeneratorError(
        `topic ${topic} is declared by ${apiFile(owner, 'events.yaml')}: a service publishes to a topic of its own`,
      );
  }
  const ledger = ledgerTable(tree, consumer);
  // The relay publishes to the bus only: an SNS event still goes out through a direct publisher.
  const relay = outboxRelayOf(ownerEvents);
  const throughOutbox = relay !== undefined && !sns;
  const ownerFunctionsPath = apiFile(service, 'functions.yaml');
  if (relay !== undefined && !readDeclaration(tree, ownerFunctionsPath).hasIn(['functions', relay.function])) {
    throw new ServiceGeneratorError(
      `${ownerFunctionsPath} has no function ${relay.function}, which ${ownerEventsPath} streams.${relay.stream} invokes`,
    );
  }
  const ledgerTableEnv = `${names(ledger.key).constantName}_TABLE_NAME`;
  const consumptionName = sns ? `${consumer}-${fileName}` : `${consumer}-on-${fileName}`;

  // Declarations: the publisher's channel, the consumer's function and its subscription or rule.
  addPublished(ownerEvents, service, options.name, topic !== undefined ? { kind: 'sns', topic } : { kind: 'bus' });
  writeDeclaration(tree, ownerEventsPath, ownerEvents);
  const consumerEventsPath = apiFile(consumer, 'events.yaml');
  const consumerEvents = readDeclaration(tree, consumerEventsPath);
  if (topic !== undefined) {
    addEntry(consumerEvents, consumerEventsPath, 'subscriptions', consumptionName, {
      topic,
      function: functionKey,
      filterPolicyScope: 'MessageAttributes',
      filterPolicy: { eventType: [options.name] },
      rawMessageDelivery: false,
      deadLetterQueue: true,
    });
    flowAt(consumerEvents, ['subscriptions', consumptionName, 'filterPolicy']);
  } else {
    addEntry(consumerEvents, consumerEventsPath, 'rules', consumptionName, {
      bus: 'events',
      eventPattern: { source: [`harbor.${service}`], 'detail-type': [options.name] },
      function: functionKey,
      retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 },
      deadLetterQueue: true,
    });
    flowAt(consumerEvents, ['rules', consumptionName, 'eventPattern']);
    flowAt(consumerEvents, ['rules', consumptionName, 'retryPolicy']);
  }
  writeDeclaration(tree, consumerEventsPath, consumerEvents);
  const functionsPath = apiFile(consumer, 'functions.yaml');
  const functions = readDeclaration(tree, functionsPath);
  addEntry(functions, functionsPath, 'functions', functionKey, {
    handler: `src/on-${fileName}.handler.ts`,
    description: `${options.name} from ${topic !== undefined ? `the ${topic} topic` : 'the platform bus'} - handled once per eventId`,
    memoryMb: 128,
    timeoutSeconds: 5,
    tables: [{ table: ledger.key, env: ledgerTableEnv }],
  });
  const access = functions.getIn(['functions', functionKey, 'tables', 0], true) as { flow?: boolean } | undefined;
  if (access) access.flow = true;
  writeDeclaration(tree, functionsPath, functions);

  // Code: the contract, the publisher's port and adapter, the consumer's use case and handler, from templates.
  const adapterClass = `${sns ? 'Sns' : 'EventBridge'}${options.name}Publisher`;
  const substitutions = {
    tmpl: '',
    service,
    consumer,
    sns,
    topic: topic ?? '',
    topicEnv: topic !== undefined ? `${names(topic).constantName}_TOPIC_ARN` : '',
    where: topic !== undefined ? `the ${topic} SNS topic` : `the platform EventBridge bus (source harbor.${service})`,
    eventName: options.name,
    fileName,
    propertyName,
    constantName,
    serviceProperty: names(service).propertyName,
    adapterClass,
    consumptionName,
    ledgerTable: ledger.key,
    ledgerTableEnv,
    ledgerHashKey: ledger.hashKey,
    ledgerRangeKey: ledger.rangeKey ?? '',
  };
  const before = new Set(listFiles(tree));
  const outboxSpec = throughOutbox && hasGeneratedOutbox(tree, service);
  const parts = [
    'contract',
    throughOutbox ? undefined : 'publisher',
    outboxSpec ? 'outbox' : undefined,
    'consumer',
  ].filter((part) => part !== undefined);
  for (const part of parts) generateFiles(tree, join(__dirname, 'files', part), '.', substitutions);
  const ledgerPort = `libs/${consumer}/application/src/ports/processed-event.ledger.port.ts`;
  const hasLedger = tree.exists(ledgerPort);
  if (!hasLedger) {
    generateFiles(tree, join(__dirname, 'files', 'ledger'), '.', substitutions);
    useDynamoDbLocal(tree, `libs/${consumer}/adapters/jest.config.cjs`);
  }
  for (const path of listFiles(tree)) if (!before.has(path)) tidy(tree, path);

  // Registrations: libs/contracts, tools/contracts, the libs' barrels, the budget and, across services, Terraform.
  registerContract(tree, service, eventNames, sns);
  if (sns) registerSnsAttributes(tree, eventNames);
  if (!throughOutbox) {
    appendLine(
      tree,
      `libs/${service}/application/src/index.ts`,
      `export type { ${options.name}Publisher } from './ports/${fileName}.publisher.port';`,
    );
    appendLine(
      tree,
      `libs/${service}/adapters/src/index.ts`,
      `export { ${adapterClass}, type ${adapterClass}Options } from './events/${fileName}.publisher';`,
    );
  }
  if (!hasLedger) {
    appendLine(
      tree,
      `libs/${consumer}/application/src/index.ts`,
      `export type { ProcessedEvent, ProcessedEventLedger } from './ports/processed-event.ledger.port';`,
    );
    const testingBarrel = `libs/${consumer}/application/src/testing/index.ts`;
    const testingHeader = `// Test doubles of the ${consumer} ports: never imported by production code.\n`;
    if (!tree.exists(testingBarrel)) tree.write(testingBarrel, testingHeader);
    const ledgerDouble = `export { InMemoryProcessedEventLedger } from './in-memory-processed-event.ledger';`;
    appendLine(tree, testingBarrel, ledgerDouble);
    appendLine(
      tree,
      `libs/${consumer}/adapters/src/index.ts`,
      `export { DynamooseProcessedEventLedger, processedEventKey, type DynamooseProcessedEventLedgerOptions } from './dynamoose/processed-event.dynamoose.ledger';`,
    );
  }
  appendLine(
    tree,
    `libs/${consumer}/application/src/index.ts`,
    `export { Handle${options.name}, type Handle${options.name}Dependencies, type Handle${options.name}Outcome } from './use-cases/handle-${fileName}.use-case';`,
  );
  if (tree.exists('tools/bench/bundle-budgets.json')) {
    updateJson(tree, 'tools/bench/bundle-budgets.json', (budgets) => ({
      ...budgets,
      [consumer]: { ...budgets[consumer], [functionKey]: { maxMinifiedKiB: DEFAULT_BUDGET_KIB } },
    }));
  }
  if (sns && consumer !== service) shareTopicsWith(tree, service, consumer);

  const grant = topic !== undefined ? `{ topic: ${topic}, env: ${substitutions.topicEnv} }` : BUS_GRANT_TEXT;
  if (relay !== undefined && throughOutbox) {
    grantBusTo(tree, ownerFunctionsPath, relay.function);
    logger.info(
      `${options.name}: ${service} publishes it through its transactional outbox (streams.${relay.stream} -> ${relay.function}, granted \`publishes: [${BUS_GRANT_TEXT}]\`); no publisher port or adapter is generated. ` +
        `In the use case, build the envelope with ${options.name}.envelopeSchema.parse({ eventId, eventType: '${options.name}', version: 1, occurredAt, correlationId, causationId, payload }) ` +
        `and pass it to the repository write that stores the change, in the same call (a generated service: \`await this.deps.itemRepository.add(item, [envelope])\`); ${relay.function} puts it on the bus once that transaction commits.`,
    );
  } else if (relay !== undefined) {
    logger.warn(
      `${options.name}: NOT through the outbox. The ${service} service's relay (${relay.function}) publishes to the bus only, so this SNS event gets a direct publisher (${adapterClass}): ` +
        `an event published apart from its state change can be lost or sent for a change that failed. Publish it only after the change is stored, from a function granted \`publishes: [${grant}]\` in ${ownerFunctionsPath}, ` +
        `or make it a bus event (--channel bus), which the relay publishes transactionally.`,
    );
  } else {
    logger.info(
      `${options.name}: the function that publishes it (with ${adapterClass} from @harbor/${service}-adapters) needs \`publishes: [${grant}]\` in ${ownerFunctionsPath}.`,
    );
  }
  // Generated code passes the workspace's format check (lint) as written by hand does.
  await formatFiles(tree);
  return afterwards(regenerateContracts(tree), regenerateAccess(tree));
}

const BUS_GRANT_TEXT = '{ bus: events, env: EVENT_BUS_NAME }';

/** The relay puts outbox records on the platform bus: its function needs the bus grant (a service generated with one has it). */
function grantBusTo(tree: Tree, functionsPath: string, functionKey: string): void {
  const functions = readDeclaration(tree, functionsPath);
  const publishes = functions.getIn(['functions', functionKey, 'publishes']);
  const grants = (isSeq(publishes) ? publishes.toJSON() : []) as { bus?: unknown }[];
  if (grants.some((grant) => grant.bus === 'events')) return;
  // One flow-style line, as the hand-written declarations write a grant.
  const grant = functions.createNode({ bus: 'events', env: 'EVENT_BUS_NAME' }, { flow: true });
  if (isSeq(publishes)) publishes.items.push(grant);
  else functions.setIn(['functions', functionKey, 'publishes'], functions.createNode([grant]));
  writeDeclaration(tree, functionsPath, functions);
}

/** A service the service generator made: its item repository writes the outbox its relay's store reads (the outbox spec uses both). */
function hasGeneratedOutbox(tree: Tree, service: string): boolean {
  const adapters = `libs/${service}/adapters`;
  return [
    `${adapters}/src/dynamoose/item.dynamoose.repository.ts`,
    `${adapters}/src/outbox/${service}-outbox.store.ts`,
    `${adapters}/test/${service}-table.ts`,
  ].every((path) => tree.exists(path));
}

/**
 * Without --channel: the bus when the service has an outbox relay (every generated one), so the default event is
 * published transactionally with its state change; SNS for a service without one, or when --topic names a topic.
 */
function defaultChannel(tree: Tree, service: string, topic: string | undefined): 'sns' | 'bus' {
  if (topic !== undefined) return 'sns';
  const path = apiFile(service, 'events.yaml');
  return tree.exists(path) && outboxRelayOf(readDeclaration(tree, path)) ? 'bus' : 'sns';
}

/** The service's outbox relay, when it publishes that way: a stream mapping of outbox records (sk OUTBOX#...). */
function outboxRelayOf(events: ReturnType<typeof readDeclaration>): { stream: string; function: string } | undefined {
  const streams = events.toJSON()?.streams as
    Record<string, { function?: string; filterPatterns?: unknown[] }> | undefined;
  const found = Object.entries(streams ?? {}).find(([, stream]) =>
    JSON.stringify(stream.filterPatterns ?? []).includes('OUTBOX#'),
  );
  return found ? { stream: found[0], function: String(found[1].function) } : undefined;
}

const DYNAMODB_LOCAL = `  // One DynamoDB Local per run with every declared table: the ledger's access spec uses it.
  ...require('../../local-cloud/dynamodb/jest-dynamodb.cjs'),
`;

/** The ledger's access spec runs against DynamoDB Local: the adapters' Jest config must start it (services generated before it did not). */
function useDynamoDbLocal(tree: Tree, path: string): void {
  const config = tree.read(path, 'utf-8');
  if (config === null || config.includes('jest-dynamodb.cjs')) return;
  const preset = /^( *preset: [^\n]*\n)/m;
  if (!preset.test(config))
    throw new ServiceGeneratorError(
      `${path} has no preset line to add DynamoDB Local after: add ...require('../../local-cloud/dynamodb/jest-dynamodb.cjs') to it`,
    );
  tree.write(path, config.replace(preset, `$1${DYNAMODB_LOCAL}`));
}

function listFiles(tree: Tree): string[] {
  return tree
    .listChanges()
    .filter((change) => change.type !== 'DELETE')
    .map((change) => change.path);
}

/** Templates with optional sections leave blank lines where a section was left out: one blank line at most, one newline at the end. */
function tidy(tree: Tree, path: string): void {
  const text = tree.read(path, 'utf-8');
  if (text !== null) tree.write(path, `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}

export default eventGenerator;
