import { eventContracts } from '@harbor/contracts';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { findBrokenContracts, findStaleDocuments, generateContractDocuments, schemaFile } from './contract-documents';
import type { JsonSchema } from './json-schema-compatibility';
import { writeContractDocuments } from './write-contract-documents';

const root = join(__dirname, '..', '..');
const generated = generateContractDocuments(root);

// What the declarations promise, read straight from apps/*/api, so a generated service or event needs no edit here.
type EventsFile = {
  publishes?: { eventbridge?: { events?: string[] }; sns?: { events?: string[] } };
  subscriptions?: Record<string, unknown>;
  rules?: Record<string, unknown>;
};
const apiPath = (service: string, file: string) => join(root, 'apps', service, 'api', file);
const servicesWith = (test: (service: string) => boolean) =>
  readdirSync(join(root, 'apps')).filter((service) => existsSync(apiPath(service, 'functions.yaml')) && test(service));
const eventsOf = (service: string): EventsFile =>
  existsSync(apiPath(service, 'events.yaml'))
    ? ((parse(readFileSync(apiPath(service, 'events.yaml'), 'utf8')) as EventsFile | null) ?? {})
    : {};
const publishedEvents = (events: EventsFile) => [
  ...(events.publishes?.eventbridge?.events ?? []),
  ...(events.publishes?.sns?.events ?? []),
];
/** Publishes or consumes events, or has a REST route that publishes straight to SNS. */
const eventful = (service: string) => {
  const events = eventsOf(service);
  const routesPublish =
    existsSync(apiPath(service, 'openapi.yaml')) &&
    /:sns:action\/Publish/.test(readFileSync(apiPath(service, 'openapi.yaml'), 'utf8'));
  return (
    publishedEvents(events).length > 0 ||
    Object.keys(events.subscriptions ?? {}).length > 0 ||
    Object.keys(events.rules ?? {}).length > 0 ||
    routesPublish
  );
};

// What CI holds the repository to: documents regenerated in memory equal the checked-in ones, and no published
// event version was changed in a way its consumers cannot read.
describe('docs/contracts', () => {
  it('is up to date with libs/contracts and apps/*/api (else: npm run contracts)', () => {
    expect(findStaleDocuments(root, generated.documents)).toEqual([]);
  });

  it('keeps every published event version compatible (else: publish a new version)', () => {
    expect(findBrokenContracts(root, generated)).toEqual([]);
  });

  it('documents each service that publishes or consumes events, each merged API a service declares, and the catalogue', () => {
    const expected = [
      ...servicesWith((service) => eventful(service)).map(
        (service) => `docs/contracts/asyncapi/${service}.asyncapi.yaml`,
      ),
      ...(servicesWith((service) => existsSync(apiPath(service, 'openapi.yaml'))).length > 0
        ? ['docs/contracts/openapi/rest-api.openapi.yaml']
        : []),
      ...(servicesWith((service) => existsSync(apiPath(service, 'http-api.yaml'))).length > 0
        ? ['docs/contracts/openapi/http-api.openapi.yaml']
        : []),
      'docs/contracts/events.md',
    ];
    expect([...generated.documents.keys()].sort()).toEqual(expected.sort());
  });

  it('publishes one schema per registered event version', () => {
    const expected = eventContracts.map(
      (contract) => `docs/contracts/schemas/${contract.name}.v${contract.version}.json`,
    );
    expect([...generated.schemas.keys()].sort()).toEqual(expected.sort());
  });

  it("lists every event a service declares it publishes in the catalogue and in that service's AsyncAPI document", () => {
    const catalogue = generated.documents.get('docs/contracts/events.md')!;
    for (const service of servicesWith(() => true)) {
      const published = publishedEvents(eventsOf(service));
      if (published.length === 0) continue;
      const messages = Object.keys(
        parse(generated.documents.get(`docs/contracts/asyncapi/${service}.asyncapi.yaml`)!).components.messages,
      );
      for (const name of published) {
        expect(catalogue).toContain(`\n## ${name}\n`);
        expect(messages.filter((key) => key.startsWith(`${name}.v`))).not.toEqual([]);
      }
    }
  });
});

describe('the AsyncAPI documents', () => {
  const asyncApi = (service: string) =>
    parse(generated.documents.get(`docs/contracts/asyncapi/${service}.asyncapi.yaml`)!);

  it('give an SNS message its attributes and a subscription its filter policy', () => {
    const notifications = asyncApi('notifications');
    expect(notifications.asyncapi).toBe('3.0.0');
    expect(Object.keys(notifications.components.messages['OrderStatusChanged.v1'].headers.properties)).toEqual(
      expect.arrayContaining(['eventType', 'status', 'totalMinor']),
    );
    expect(notifications.operations['notifications-large-orders']).toMatchObject({
      action: 'receive',
      channel: { $ref: '#/channels/sns-order-status' },
      bindings: { sns: { consumers: [{ filter: { attributes: { totalMinor: [{ numeric: ['>=', 100000] }] } } }] } },
    });
  });

  it('send what a service publishes on the bus, and receive through a rule with its pattern', () => {
    const orders = asyncApi('orders');
    expect(orders.operations['send-eventbridge-events'].messages).toContainEqual({
      $ref: '#/channels/eventbridge-events/messages/OrderPlaced.v1',
    });
    expect(orders.components.messages['OrderPlaced.v1'].payload.properties.payload.required).toEqual([
      'orderId',
      'customerId',
      'lines',
      'total',
    ]);
    expect(
      asyncApi('inventory').operations['reserve-stock-on-order-placed']['x-eventbridge-rule'].eventPattern,
    ).toEqual({
      source: ['harbor.orders'],
      'detail-type': ['OrderPlaced'],
    });
  });
});

describe('the checks, on a scratch copy of docs/contracts', () => {
  let scratch: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), content);
  };

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'harbor-contracts-'));
    writeFileSync(join(scratch, 'nx.json'), '{}');
    symlinkSync(join(root, 'apps'), join(scratch, 'apps'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('npm run contracts writes every document, publishes missing schemas and never overwrites a published one', () => {
    const kept = '{"kept":true}\n';
    write('docs/contracts/schemas/OrderPlaced.v1.json', kept);
    write('docs/contracts/asyncapi/shipping.asyncapi.yaml', 'left over');
    const result = writeContractDocuments(scratch);
    expect(result.published).not.toContain('docs/contracts/schemas/OrderPlaced.v1.json');
    expect(result.published).toContain('docs/contracts/schemas/OrderCancelled.v1.json');
    expect(result.removed).toEqual(['docs/contracts/asyncapi/shipping.asyncapi.yaml']);
    expect(readFileSync(join(scratch, 'docs/contracts/schemas/OrderPlaced.v1.json'), 'utf8')).toBe(kept);
    expect(findStaleDocuments(scratch, generated.documents)).toEqual([]);
  });

  it('names a stale, a missing and a left-over document, and says to run npm run contracts', () => {
    writeContractDocuments(scratch);
    write('docs/contracts/events.md', '# edited by hand\n');
    rmSync(join(scratch, 'docs/contracts/openapi/http-api.openapi.yaml'));
    write('docs/contracts/openapi/old-api.openapi.yaml', 'x');
    const problems = findStaleDocuments(scratch, generated.documents);
    expect(problems).toEqual([
      expect.stringMatching(/^docs\/contracts\/openapi\/http-api\.openapi\.yaml is missing: run `npm run contracts`/),
      expect.stringMatching(/^docs\/contracts\/events\.md is stale .*run `npm run contracts`/),
      expect.stringMatching(/^docs\/contracts\/openapi\/old-api\.openapi\.yaml is no longer generated/),
    ]);
  });

  it('fails a field removed from a published version, naming event, version, field and consumer, and asks for a new version', () => {
    writeContractDocuments(scratch);
    const path = 'docs/contracts/schemas/OrderPlaced.v1.json';
    const published = JSON.parse(readFileSync(join(scratch, path), 'utf8')) as {
      properties: { payload: { properties: Record<string, JsonSchema> } };
    };
    published.properties.payload.properties['channel'] = { type: 'string' };
    write(path, schemaFile(published as unknown as JsonSchema));
    expect(findBrokenContracts(scratch, generated)).toEqual([
      'OrderPlaced v1: field payload.channel: removed (published in docs/contracts/schemas/OrderPlaced.v1.json; consumed by inventory (reserve-stock-on-order-placed)). ' +
        'A published version must stay readable by its consumers: publish OrderPlaced v2 instead, and leave v1 as it was.',
    ]);
  });

  it('fails a narrowed enum in a published version', () => {
    writeContractDocuments(scratch);
    const path = 'docs/contracts/schemas/OrderStatusChanged.v1.json';
    const published = JSON.parse(readFileSync(join(scratch, path), 'utf8'));
    published.properties.payload.properties.status.enum.push('REFUNDED');
    write(path, schemaFile(published));
    expect(findBrokenContracts(scratch, generated)).toEqual([
      expect.stringMatching(
        /^OrderStatusChanged v1: field payload\.status: enum values removed: \["REFUNDED"\] .*publish OrderStatusChanged v2/,
      ),
    ]);
  });

  it('fails an event version whose schema was never published', () => {
    writeContractDocuments(scratch);
    rmSync(join(scratch, 'docs/contracts/schemas/StockReserved.v1.json'));
    expect(findBrokenContracts(scratch, generated)).toEqual([
      expect.stringMatching(/^StockReserved v1 has no published schema .*run `npm run contracts`/),
    ]);
  });
});
