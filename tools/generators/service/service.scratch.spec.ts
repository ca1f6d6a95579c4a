import { DynamoDBClient, GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { ListTopicsCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { accessFromCode } from '../testing/access-from-code';
import { endpointNamed, startLocalCloudIn, type RunningLocalCloud } from '../testing/local-cloud-in';
import { OFFLINE_USER_POOL_ARN, planEnvironment, type PlannedResource } from '../testing/plan-environment';
import { createScratchWorkspace, nxEnv, type ScratchWorkspace } from '../testing/scratch-workspace';

// `npx nx g @harbor/tools:service reviews` in a scratch copy of this workspace, then `route` (GET /reviews/items),
// `table` (reviews-archive) and `event` (ItemArchived on SNS, ItemRestored on the bus) on it, and what the issue
// promises of the result: lint (module boundaries), typecheck and tests pass, the declarations load, the contract
// documents list the events, the local cloud serves the routes, relays what the outbox holds to the bus and delivers
// published events to their consumers, and the dev environment's Terraform plan deploys it all. The real workspace is
// only read.
// Generous: on a loaded machine the four generator runs, or five projects' checks with tests one at a time, take minutes.
jest.setTimeout(10 * 60_000);

const workspaceRoot = join(__dirname, '..', '..', '..');
const SERVICE = 'reviews';
const SNS_EVENT = 'ItemArchived';
const BUS_EVENT = 'ItemRestored';
// contracts too: the generator adds the service's path schema to it.
// publishOutbox: the service publishes through a transactional outbox from birth.
const FUNCTIONS = ['getItem', 'publishOutbox', 'listItems', `on${SNS_EVENT}`, `on${BUS_EVENT}`];
const PROJECTS = [`${SERVICE}-domain`, `${SERVICE}-application`, `${SERVICE}-adapters`, SERVICE, 'contracts'];

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Jest's summary as text: the terminal colour codes Nx lets through removed. */
const withoutColours = (text: string) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

let scratch: ScratchWorkspace;
// What `nx g` printed for each event: how it is sent.
let snsEventOutput: string;
let busEventOutput: string;
const nxBin = join(
  dirname(require.resolve('nx/package.json')),
  (require('nx/package.json') as { bin: { nx: string } }).bin.nx,
);
const nx = (...args: string[]) => scratch.run(process.execPath, [nxBin, ...args]);

beforeAll(async () => {
  scratch = createScratchWorkspace(workspaceRoot);
  await nx('g', '@harbor/tools:service', SERVICE, '--no-interactive');
  await nx('g', '@harbor/tools:route', SERVICE, 'listItems', '--path', `/${SERVICE}/items`, '--no-interactive');
  await nx('g', '@harbor/tools:table', SERVICE, `${SERVICE}-archive`, '--no-interactive');
  snsEventOutput = await nx('g', '@harbor/tools:event', SERVICE, SNS_EVENT, '--channel', 'sns', '--no-interactive');
  busEventOutput = await nx('g', '@harbor/tools:event', SERVICE, BUS_EVENT, '--channel', 'bus', '--no-interactive');
});
afterAll(() => scratch?.remove());

describe(`a service generated with npx nx g @harbor/tools:service ${SERVICE}, then a route, a table and two events`, () => {
  it('is listed wherever the workspace lists services, and in refreshed contract documents', () => {
    const read = (path: string) => readFileSync(join(scratch.root, path), 'utf8');
    expect(read('eslint.config.mjs')).toMatch(new RegExp(`const services = \\[[^\\]]*'${SERVICE}'\\]`));
    expect(read('CODEOWNERS')).toContain(`/apps/${SERVICE}/ @harbor/${SERVICE}-team`);
    expect(read('infra/system/main.tf')).toContain(`source = "../services/${SERVICE}"`);
    expect(read('docs/contracts/openapi/rest-api.openapi.yaml')).toContain(`/${SERVICE}/items/{itemId}:`);
    expect(read('docs/contracts/openapi/rest-api.openapi.yaml')).toContain(`/${SERVICE}/items:`);
  });

  it('puts both events in the contract documents: catalogue, AsyncAPI with the subscription and the rule, published schemas', () => {
    const read = (path: string) => readFileSync(join(scratch.root, path), 'utf8');
    const catalogue = read('docs/contracts/events.md');
    for (const event of [SNS_EVENT, BUS_EVENT]) {
      expect(catalogue).toContain(`\n## ${event}\n`);
      expect(JSON.parse(read(`docs/contracts/schemas/${event}.v1.json`)).properties.eventType).toEqual({
        type: 'string',
        const: event,
      });
    }
    const asyncApi = read(`docs/contracts/asyncapi/${SERVICE}.asyncapi.yaml`);
    expect(asyncApi).toContain(`${SNS_EVENT}.v1:`);
    expect(asyncApi).toContain(`${SERVICE}-item-archived:`);
    expect(asyncApi).toContain(`${SERVICE}-on-item-restored:`);
  });

  it('publishes the bus event through the outbox and says how; warns that the SNS event is sent directly', () => {
    expect(busEventOutput).toContain(
      `${BUS_EVENT}: ${SERVICE} publishes it through its transactional outbox (streams.outbox-relay -> publishOutbox`,
    );
    expect(busEventOutput).toContain('`await this.deps.itemRepository.add(item, [envelope])`');
    expect(snsEventOutput).toContain(`${SNS_EVENT}: NOT through the outbox.`);
  });

  it('passes lint with module boundaries, typecheck and its tests, bundling within its budget, and so does libs/contracts', async () => {
    const checks = withoutColours(
      await nx('run-many', '-t', 'lint', 'typecheck', '-p', PROJECTS.join(','), '--outputStyle=static'),
    );
    expect(checks).toMatch(/Successfully ran targets lint, typecheck for 5 projects/);
    // Tests one project at a time: DynamoDB Local (a JVM) starts within its 30 s only when not competing with lint.
    const output = withoutColours(
      await nx('run-many', '-t', 'test', '-p', PROJECTS.join(','), '--parallel=1', '--outputStyle=static'),
    );
    expect(output).toMatch(/Successfully ran target test for 5 projects/);
    expect(output).toContain(`nx run ${SERVICE}:bundle-budget`);
    for (const fn of FUNCTIONS) expect(existsSync(join(scratch.root, 'dist/apps', SERVICE, `${fn}.zip`))).toBe(true);
    const testsOf = (project: string) =>
      /Tests: +(\d+ passed, \d+ total)/.exec(
        output.split('> nx run ').find((section) => section.startsWith(`${project}:test`)) ?? '',
      )?.[1];
    // the app's: 4 of GET /items/{itemId}, 2 of the generated route, 3 of each generated consumer (against DynamoDB Local)
    expect(testsOf(SERVICE)).toBe('12 passed, 12 total');
    // the adapters': 3 of the mapper, 3 of the repository, 2 of the SNS publisher, 2 of ItemRestored through the outbox
    // (no bus publisher: the relay publishes it), and an access spec per adapter (2 + 1 + 1 + 1)
    expect(testsOf(`${SERVICE}-adapters`)).toBe('15 passed, 15 total');
    const generatedSpecs: [string, string][] = [
      ['contracts', `src/${SERVICE}/item-archived.event.spec.ts`],
      ['contracts', `src/${SERVICE}/item-restored.event.spec.ts`],
      [`${SERVICE}-application`, 'src/use-cases/handle-item-archived.use-case.spec.ts'],
      [`${SERVICE}-application`, 'src/use-cases/handle-item-restored.use-case.spec.ts'],
      [`${SERVICE}-adapters`, 'src/events/item-archived.publisher.spec.ts'],
      [`${SERVICE}-adapters`, 'src/events/item-archived.publisher.access.spec.ts'],
      [`${SERVICE}-adapters`, 'src/dynamoose/item.dynamoose.repository.spec.ts'],
      [`${SERVICE}-adapters`, 'src/dynamoose/item.dynamoose.repository.access.spec.ts'],
      [`${SERVICE}-adapters`, 'src/outbox/item-restored.outbox.spec.ts'],
      [`${SERVICE}-adapters`, `src/outbox/${SERVICE}-outbox.store.access.spec.ts`],
      [`${SERVICE}-adapters`, 'src/dynamoose/processed-event.dynamoose.ledger.access.spec.ts'],
      [SERVICE, 'src/on-item-archived.handler.spec.ts'],
      [SERVICE, 'src/on-item-restored.handler.spec.ts'],
    ];
    for (const [project, spec] of generatedSpecs)
      expect(output).toMatch(new RegExp(`PASS +${project} +${spec.replace(/\./g, '\\.')}`));
    expect(existsSync(join(scratch.root, `libs/${SERVICE}/adapters/src/events/item-restored.publisher.ts`))).toBe(
      false,
    );
  });

  it("keeps the workspace's own checks green: every route has its handler, docs/contracts are up to date", async () => {
    const jestBin = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
    const output = withoutColours(
      await scratch.run(process.execPath, [
        jestBin,
        '-c',
        'tools/jest.config.cjs',
        'tools/checks/routes-have-handlers',
        'tools/contracts/contract-documents',
      ]),
    );
    expect(output).toMatch(/Test Suites: +2 passed, 2 total/);
  });

  // tools-iam's derivation over the scratch workspace's code (infra/test/roles-from-code.spec.ts's plan comparison
  // needs every environment planned: the dev plan below shows the roles are built from access.generated.json, which
  // the generators' `npm run iam` wrote).
  it("grants each function exactly the access its code derives, every adapter's declared beside it and proven by a spec", () => {
    const report = accessFromCode(scratch.root, SERVICE);
    expect(report.descriptors).toEqual([
      `DynamooseItemRepository (libs/${SERVICE}/adapters/src/dynamoose/item.dynamoose.repository.access.ts)`,
      `DynamooseProcessedEventLedger (libs/${SERVICE}/adapters/src/dynamoose/processed-event.dynamoose.ledger.access.ts)`,
      `Sns${SNS_EVENT}Publisher (libs/${SERVICE}/adapters/src/events/item-archived.publisher.access.ts)`,
      `${SERVICE}OutboxStore (libs/${SERVICE}/adapters/src/outbox/${SERVICE}-outbox.store.access.ts)`,
    ]);
    expect({
      unbound: report.unbound,
      withoutSpec: report.withoutSpec,
      methodsMismatched: report.methodsMismatched,
    }).toEqual({ unbound: [], withoutSpec: [], methodsMismatched: [] });
    expect(Object.keys(report.functions)).toEqual(FUNCTIONS);
    for (const [key, { declared, derived, because }] of Object.entries(report.functions))
      expect({ key, access: declared, because }).toEqual({ key, access: derived, because });
    // Not vacuous: what each handler reaches is what makes its grant.
    const adaptersOf = (key: string) =>
      report.functions[key]!.because.filter((why) => /^(Dynamoose|Sns|EventBridge)/.test(why));
    expect(report.functions['getItem']!.derived).toEqual({
      tables: [{ table: SERVICE, actions: ['dynamodb:GetItem'], indexes: [] }],
      topics: [],
      buses: [],
      connections: [],
      schedules: [],
    });
    expect(adaptersOf('getItem')).toEqual(['DynamooseItemRepository.findById']);
    // The relay reads and marks the outbox, and puts what it holds on the bus: nothing else.
    expect(report.functions['publishOutbox']!.derived).toEqual({
      tables: [{ table: SERVICE, actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], indexes: [] }],
      topics: [],
      buses: ['events'],
      connections: [],
      schedules: [],
    });
    expect(report.functions['publishOutbox']!.because).toEqual([
      'EventBridgeEventPublisher.publish',
      `${SERVICE}OutboxStore.markPublished`,
      `${SERVICE}OutboxStore.stateOf`,
    ]);
    expect(report.functions['listItems']!.derived).toEqual({
      tables: [],
      topics: [],
      buses: [],
      connections: [],
      schedules: [],
    });
    expect(adaptersOf('listItems')).toEqual([]);
    for (const key of [`on${SNS_EVENT}`, `on${BUS_EVENT}`]) {
      expect(report.functions[key]!.derived).toEqual({
        tables: [{ table: SERVICE, actions: ['dynamodb:PutItem'], indexes: [] }],
        topics: [],
        buses: [],
        connections: [],
        schedules: [],
      });
      expect(adaptersOf(key)).toEqual(['DynamooseProcessedEventLedger.recordFirst']);
    }
  });

  it('declares what loadServiceDefinitions accepts, handler files included', () => {
    const service = loadServiceDefinitions(scratch.root, { checkHandlerFiles: true }).find(
      (candidate) => candidate.name === SERVICE,
    );
    expect(service).toBeDefined();
    expect(Object.keys(service!.functions)).toEqual(FUNCTIONS);
    expect(service!.events.publishes).toEqual({
      sns: { topic: `${SERVICE}-events`, events: [SNS_EVENT] },
      eventbridge: { bus: 'events', source: `harbor.${SERVICE}`, events: [BUS_EVENT] },
    });
    expect(Object.keys(service!.tables)).toEqual([SERVICE, `${SERVICE}-archive`]);
    expect(service!.tables[SERVICE]).toMatchObject({ stream: 'NEW_AND_OLD_IMAGES', ttlAttribute: 'expiresAt' });
    expect(service!.events.streams['outbox-relay']).toMatchObject({
      table: SERVICE,
      function: 'publishOutbox',
      reportBatchItemFailures: true,
      deadLetterQueue: true,
    });
  });

  describe('served by the local cloud', () => {
    let cloud: RunningLocalCloud;
    let dynamodb: DynamoDBClient;
    beforeAll(async () => {
      cloud = await startLocalCloudIn(scratch.root, nxEnv(scratch.root));
      dynamodb = new DynamoDBClient({
        endpoint: cloud.endpoints['DynamoDB Local'],
        region: 'eu-west-1',
        credentials: LOCAL_CREDENTIALS,
      });
    });
    afterAll(async () => {
      dynamodb?.destroy();
      await cloud?.stop();
    });
    const aws = () => endpointNamed(cloud.endpoints, 'AWS endpoint');

    it('the routes answer from the table, 404 problem+json for an unknown id, 401 without a token', async () => {
      const rest = cloud.endpoints['REST API'];
      const minted = await fetch(`${aws()}/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'scratch-user' }),
      });
      const { token } = (await minted.json()) as { token: string };
      await dynamodb.send(
        new PutItemCommand({
          TableName: `harbor-scratch-${SERVICE}`,
          Item: {
            pk: { S: 'ITEM#item-1' },
            sk: { S: 'ITEM' },
            itemId: { S: 'item-1' },
            name: { S: 'First' },
            createdAt: { S: '2026-01-02T03:04:05.000Z' },
          },
        }),
      );
      const get = (itemId: string, headers: Record<string, string> = { authorization: token }) =>
        fetch(`${rest}/${SERVICE}/items/${itemId}`, { headers });

      const found = await get('item-1');
      expect(found.status).toBe(200);
      expect(await found.json()).toEqual({ itemId: 'item-1', name: 'First', createdAt: '2026-01-02T03:04:05.000Z' });
      const missing = await get('item-2');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await missing.json()).toMatchObject({ status: 404, code: `${SERVICE.toUpperCase()}.ITEM_NOT_FOUND` });
      expect((await get('item-1', {})).status).toBe(401);
      const listed = await fetch(`${rest}/${SERVICE}/items`, { headers: { authorization: token } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ operation: 'listItems', pathParameters: {}, customerId: 'scratch-user' });
    });

    /** The consumer's processed-event record of `eventId`, once it appears (delivery is asynchronous), else undefined. */
    const recordOf = async (eventId: string, waitMs: number) => {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const { Item } = await dynamodb.send(
          new GetItemCommand({
            TableName: `harbor-scratch-${SERVICE}`,
            Key: { pk: { S: `EVENT#${eventId}` }, sk: { S: 'PROCESSED' } },
            ConsistentRead: true,
          }),
        );
        if (Item || Date.now() > deadline) return Item;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const envelope = (eventType: string) => ({
      eventId: randomUUID(),
      eventType,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: `scratch-${eventType}`,
      causationId: 'scratch',
      payload: { subjectId: 'item-1' },
    });

    it(`delivers ${SNS_EVENT} published to its topic through the SNS endpoint to its subscriber, and holds back what the filter policy excludes`, async () => {
      const sns = new SNSClient({ endpoint: aws(), region: 'eu-west-1', credentials: LOCAL_CREDENTIALS });
      try {
        const { Topics = [] } = await sns.send(new ListTopicsCommand({}));
        const topicArn = Topics.map((topic) => topic.TopicArn ?? '').find((arn) =>
          arn.endsWith(`:harbor-scratch-${SERVICE}-events`),
        );
        expect(topicArn).toBeDefined();
        const publish = (event: ReturnType<typeof envelope>) =>
          sns.send(
            new PublishCommand({
              TopicArn: topicArn,
              Message: JSON.stringify(event),
              MessageAttributes: {
                eventType: { DataType: 'String', StringValue: event.eventType },
                version: { DataType: 'Number', StringValue: '1' },
                correlationId: { DataType: 'String', StringValue: event.correlationId },
              },
            }),
          );
        const other = envelope('SomethingElse');
        const archived = envelope(SNS_EVENT);
        await publish(other);
        await publish(archived);
        expect(await recordOf(archived.eventId, 20_000)).toMatchObject({
          eventId: { S: archived.eventId },
          eventType: { S: SNS_EVENT },
        });
        expect(await recordOf(other.eventId, 0)).toBeUndefined();
      } finally {
        sns.destroy();
      }
    });

    // As DynamooseItemRepository.add writes it (its own spec proves that): the item and its outbox record in one transaction.
    it(`relays ${BUS_EVENT}, stored in the outbox with its item, from the table's stream to the bus and the rule's function, then marks it published`, async () => {
      const restored = envelope(BUS_EVENT);
      const outboxKey = { pk: { S: 'ITEM#item-2' }, sk: { S: `OUTBOX#${restored.eventId}` } };
      await dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: `harbor-scratch-${SERVICE}`,
                Item: {
                  pk: { S: 'ITEM#item-2' },
                  sk: { S: 'ITEM' },
                  itemId: { S: 'item-2' },
                  name: { S: 'Second' },
                  createdAt: { S: restored.occurredAt },
                },
              },
            },
            {
              Put: {
                TableName: `harbor-scratch-${SERVICE}`,
                Item: {
                  ...outboxKey,
                  eventId: { S: restored.eventId },
                  eventType: { S: BUS_EVENT },
                  envelope: { S: JSON.stringify(restored) },
                  correlationId: { S: restored.correlationId },
                  expiresAt: { N: String(Math.floor(Date.now() / 1000) + 3600) },
                },
              },
            },
          ],
        }),
      );
      expect(await recordOf(restored.eventId, 30_000)).toMatchObject({
        eventId: { S: restored.eventId },
        eventType: { S: BUS_EVENT },
      });
      const { Item: outbox } = await dynamodb.send(
        new GetItemCommand({ TableName: `harbor-scratch-${SERVICE}`, Key: outboxKey, ConsistentRead: true }),
      );
      expect(outbox?.['publishedAt']?.S).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });
  });

  it("is deployed by the dev environment's Terraform plan: functions, tables, REST API with its routes and authorizer, topic, subscription, rule and outbox relay", async () => {
    const created = await planEnvironment(scratch.root, join(scratch.root, 'tmp', 'terraform'));
    const ofService = created.filter((resource) => resource.address.startsWith(`module.system.module.${SERVICE}.`));
    const one = (type: string): PlannedResource | undefined => ofService.find((resource) => resource.type === type);
    const all = (type: string) =>
      ofService
        .filter((resource) => resource.type === type)
        .map((resource) => resource.values['function_name'] ?? resource.values['name']);
    expect(all('aws_lambda_function').sort()).toEqual(FUNCTIONS.map((fn) => `harbor-dev-${SERVICE}-${fn}`).sort());
    expect(all('aws_dynamodb_table').sort()).toEqual([`harbor-dev-${SERVICE}`, `harbor-dev-${SERVICE}-archive`]);
    expect(one('aws_dynamodb_table')?.values).toMatchObject({ hash_key: 'pk', range_key: 'sk' });
    const body = String(one('aws_api_gateway_rest_api')?.values['body']);
    expect(body).toContain(`/${SERVICE}/items/{itemId}`);
    expect(body).toMatch(new RegExp(`/${SERVICE}/items"?:`));
    expect(body).toContain(OFFLINE_USER_POOL_ARN);

    expect(all('aws_sns_topic')).toEqual([`harbor-dev-${SERVICE}-events`]);
    const subscriptions = ofService.filter((resource) => resource.type === 'aws_sns_topic_subscription');
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.values).toMatchObject({ protocol: 'lambda', filter_policy_scope: 'MessageAttributes' });
    expect(JSON.parse(String(subscriptions[0]!.values['filter_policy']))).toEqual({ eventType: [SNS_EVENT] });
    const rules = ofService.filter((resource) => resource.type === 'aws_cloudwatch_event_rule');
    expect(rules).toHaveLength(1);
    expect(rules[0]!.values).toMatchObject({ event_bus_name: 'harbor-dev-events' });
    expect(JSON.parse(String(rules[0]!.values['event_pattern']))).toEqual({
      source: [`harbor.${SERVICE}`],
      'detail-type': [BUS_EVENT],
    });
    expect(ofService.filter((resource) => resource.type === 'aws_cloudwatch_event_target')).toHaveLength(1);
    // The outbox: a streamed table with a TTL, and the relay's mapping with partial batch responses.
    const table = ofService.find(
      (resource) => resource.type === 'aws_dynamodb_table' && resource.values['name'] === `harbor-dev-${SERVICE}`,
    );
    expect(table?.values).toMatchObject({
      stream_enabled: true,
      stream_view_type: 'NEW_AND_OLD_IMAGES',
      ttl: [{ attribute_name: 'expiresAt', enabled: true }],
    });
    const mappings = ofService.filter((resource) => resource.type === 'aws_lambda_event_source_mapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.values).toMatchObject({
      function_name: `harbor-dev-${SERVICE}-publishOutbox`,
      function_response_types: ['ReportBatchItemFailures'],
    });
  });

  // A fresh account: the pool is created in the same apply, its id unknown at plan time. A count that waits on it
  // fails the plan ("Invalid count argument", https://developer.hashicorp.com/terraform/language/meta-arguments/count).
  it('is planned on a fresh account too, where the environment creates the user pool its REST API trusts', async () => {
    const created = await planEnvironment(scratch.root, join(scratch.root, 'tmp', 'terraform-new-pool'), 'dev', {
      passUserPool: false,
    });
    const ofService = created.filter((resource) => resource.address.startsWith(`module.system.module.${SERVICE}.`));
    expect(ofService.filter((resource) => resource.type === 'aws_api_gateway_rest_api')).toHaveLength(1);
    expect(ofService.filter((resource) => resource.type === 'aws_api_gateway_stage')).toHaveLength(1);
  });
});
