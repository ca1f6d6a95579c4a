import type { Tree } from '@nx/devkit';
import { isMap, isSeq, type Document } from 'yaml';
import { addEntry, apiFile, readDeclaration } from '../declarations';
import { ServiceGeneratorError } from '../service/service-generator.error';

// What an event adds to apps/<service>/api/*.yaml: where the publisher sends it, and how the consumer gets it.

/** Every topic key any service declares, with its owner: topic keys name physical topics, so they are unique. */
export function declaredTopics(tree: Tree): Map<string, string> {
  const owners = new Map<string, string>();
  for (const service of tree.children('apps')) {
    const path = apiFile(service, 'events.yaml');
    if (!tree.exists(path)) continue;
    const topics = readDeclaration(tree, path).get('topics');
    if (isMap(topics))
      for (const pair of topics.items)
        owners.set(String((pair.key as { value?: unknown })?.value ?? pair.key), service);
  }
  return owners;
}

/** Every event name any service's events.yaml publishes. */
export function publishedEventNames(tree: Tree): Set<string> {
  const names = new Set<string>();
  for (const service of tree.children('apps')) {
    const path = apiFile(service, 'events.yaml');
    if (!tree.exists(path)) continue;
    const document = readDeclaration(tree, path);
    for (const channel of ['eventbridge', 'sns']) {
      const events = document.getIn(['publishes', channel, 'events']);
      if (isSeq(events))
        for (const item of events.items) names.add(String((item as { value?: unknown })?.value ?? item));
    }
  }
  return names;
}

/** The topic the service publishes to on SNS: the one it already does, else `requested` (declared here when new). */
export function publishingTopic(document: Document, service: string, requested: string | undefined): string {
  const current = document.getIn(['publishes', 'sns', 'topic']);
  if (current !== undefined) {
    if (requested !== undefined && requested !== String(current)) {
      throw new ServiceGeneratorError(
        `${apiFile(service, 'events.yaml')} publishes to SNS topic ${String(current)} already: a service publishes to one topic, so leave out --topic or use ${String(current)}`,
      );
    }
    return String(current);
  }
  return requested ?? `${service}-events`;
}

/** Adds the event to what the service publishes on `channel`, declaring the topic when it is new. */
export function addPublished(
  document: Document,
  service: string,
  eventName: string,
  channel: { kind: 'sns'; topic: string } | { kind: 'bus' },
): void {
  const path = apiFile(service, 'events.yaml');
  const key = channel.kind === 'sns' ? 'sns' : 'eventbridge';
  const events = document.getIn(['publishes', key, 'events'], true);
  if (isSeq(events)) {
    events.items.push(document.createNode(eventName));
    return;
  }
  if (!isMap(document.get('publishes'))) document.set('publishes', document.createNode({}));
  const declaration =
    channel.kind === 'sns'
      ? { topic: channel.topic, events: [eventName] }
      : { bus: 'events', source: `harbor.${service}`, events: [eventName] };
  const node = document.createNode(declaration, { flow: true });
  document.setIn(['publishes', key], node);
  const publishes = document.get('publishes');
  if (isMap(publishes)) publishes.flow = false;
  if (channel.kind === 'sns' && !document.hasIn(['topics', channel.topic])) {
    addEntry(document, path, 'topics', channel.topic, {
      description: `Events the ${service} service publishes (${eventName}); attributes from libs/contracts.`,
    });
  }
}

/** Marks the value at `path` as one flow-style line, as the hand-written declarations write filters and patterns. */
export function flowAt(document: Document, path: readonly string[]): void {
  const node = document.getIn(path, true) as { flow?: boolean } | undefined;
  if (node) node.flow = true;
}
