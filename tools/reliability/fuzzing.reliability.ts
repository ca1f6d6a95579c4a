import * as fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { putEvents, snsPublish } from './support/aws-wire';
import {
  mintToken,
  deadLetters,
  eventually,
  localRoutes,
  newCustomer,
  newSku,
  redrive,
  request,
  seedStock,
  snapshotTables,
  warmUp,
  webhookSignature,
  type Customer,
  type HttpAnswer,
  type RouteSummaries,
} from './support/clients';
import { declaredConsumers, type EventConsumer } from './support/event-consumers';
import { recordFigures } from './support/figures';
import { leaksIn } from './support/leaks';
import { START_TIMEOUT_MS, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * Property-based fuzzing of every HTTP route (from GET /_local/routes), the payment webhook and every event consumer
 * (from the services' events.yaml) with malformed, oversized, wrongly typed and unicode-heavy input. Every HTTP
 * answer is a 4xx with a problem (or API Gateway's own {"message"} refusal; a read may answer 2xx), never a 5xx, never a leak; every
 * malformed event ends in its consumer's dead-letter queue; and no table changes.
 * FUZZ_RUNS_PER_ROUTE and FUZZ_EVENTS_PER_CONSUMER keep the suite inside its time budget; HARBOR_FUZZ_SEED replays a run.
 */
const FUZZ_RUNS_PER_ROUTE = 100;
const FUZZ_EVENTS_PER_CONSUMER = 8;
const seed = process.env['HARBOR_FUZZ_SEED'] ? Number(process.env['HARBOR_FUZZ_SEED']) : Date.now();

let cloud: ReliabilityCloud;
let routes: RouteSummaries;
let customer: Customer;
let admin: string;
const figures = { requests: 0, fuzzCases: 0, events: 0, problems: 0, gatewayRefusals: 0, readsAnswered: 0 };

beforeAll(async () => {
  cloud = await startReliabilityCloud();
  routes = await localRoutes(cloud);
  // An admin of every HTTP API (inventory's and the catalog's), so the fuzzed bodies reach the functions' validation.
  [customer, admin] = await Promise.all([
    newCustomer(cloud, 'fuzzer'),
    mintToken(cloud, { sub: `fuzz-admin-${randomUUID()}`, scopes: ['inventory/admin', 'catalog/admin'] }),
  ]);
  await seedStock(cloud, newSku('FUZZ'), 5);
  await warmUp(cloud);
  // Every route's function once, so no case pays a cold start (a first call can take seconds on a busy machine).
  for (const target of httpTargets()) {
    const path = target.template.replace(/\{[^}]+\}/g, () => randomUUID());
    await request(`${target.base}${path}`, {
      method: target.method,
      headers: target.headers('{}'),
      ...(target.method === 'GET' ? {} : { body: '{}' }),
    });
  }
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

// ---- inputs -------------------------------------------------------------------------------------------------

const unicode = fc.string({ unit: 'grapheme', maxLength: 40 });
const json = fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' });
/** Strings that break naive code: lone surrogates, NUL, RTL marks, emoji sequences, huge numbers, prototype keys. */
const nasty = fc.constantFrom(
  '\ud800',
  'a\u0000b',
  '\u202e\u0645',
  '👩‍👩‍👧‍👦'.repeat(50),
  '1e309',
  '-0',
  '__proto__',
  'constructor',
  '../../etc',
  '%00',
  '${jndi:x}',
  "' OR 1=1 --",
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Leaf paths of a JSON value. */
function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child as Json, [...path, Array.isArray(value) ? Number(key) : key]),
    );
  }
  return [path];
}

function withValueAt(value: Json, path: readonly (string | number)[], replacement: unknown): Json {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string | number, unknown>));
  node[path[path.length - 1]!] = replacement;
  return copy as Json;
}

const typeOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Bodies that must all be refused: random JSON, broken JSON, a valid body with one field of the wrong type, an unknown field, an oversized one. */
function invalidBodies(valid: Json | undefined): fc.Arbitrary<string> {
  const broken = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      '',
      '{',
      '[',
      '{"a":',
      '\ufeff{}',
      '{"a":1,"a":2}',
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
      'NaN',
    ),
  );
  const arbitraries: fc.Arbitrary<string>[] = [
    json.map((value) => JSON.stringify(value)),
    broken,
    nasty.map((text) => JSON.stringify(text)),
  ];
  if (valid !== undefined && valid !== null && typeof valid === 'object') {
    const paths = leafPaths(valid);
    arbitraries.push(
      fc
        .record({ path: fc.constantFrom(...paths), replacement: fc.oneof(json, nasty) })
        .filter(
          ({ path, replacement }) =>
            typeOf(replacement) !==
            typeOf(path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], valid)),
        )
        .map(({ path, replacement }) => JSON.stringify(withValueAt(valid, path, replacement))),
      fc
        .record({ key: fc.oneof(unicode, nasty), value: json })
        .filter(({ key }) => !(key in valid))
        .map(({ key, value }) => JSON.stringify({ ...valid, [key]: value })),
      fc
        .integer({ min: 1, max: 8 })
        .map((megabytes) => JSON.stringify({ ...valid, padding: 'ж'.repeat(megabytes * 65_536) })),
    );
  }
  return fc.oneof(...arbitraries);
}

const pathValue = fc.oneof(
  fc.uuid(),
  unicode.filter((text) => text.length > 0),
  nasty,
  fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 3000 }),
);
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('limit', 'nextToken'), unicode),
      fc.oneof(
        unicode,
        nasty,
        json.map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
      ),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());
/** encodeURIComponent, except that a lone surrogate becomes its three (invalid UTF-8) bytes instead of a URIError. */
function percentEncoded(value: string): string {
  return Array.from(value, (char) => {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xed, 0xa0 | ((unit >> 6) & 0x0f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(char);
  }).join('');
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  undefined,
);

// ---- checks -------------------------------------------------------------------------------------------------

/**
 * A refusal as Harbor or API Gateway words it; throws (for fast-check to shrink) on anything else. A read may also
 * answer 2xx (unknown query parameters are ignored, as API Gateway does); a write never may.
 */
function expectRefusal(answer: HttpAnswer, what: string, readOnly: boolean): void {
  figures.requests++;
  const context = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  if (answer.status >= 500) {
    const why = cloud
      .output()
      .split('\n')
      .filter((line) => /timed out|"level":"ERROR"|Error:/.test(line))
      .slice(-3)
      .join('\n');
    throw new Error(`5xx: ${context}\nthe local cloud's last errors:\n${why}`);
  }
  if (answer.status < 400) {
    if (readOnly && answer.status < 300) {
      figures.readsAnswered++;
      return;
    }
    throw new Error(`accepted: ${context}`);
  }
  const leaks = leaksIn(answer.text);
  if (leaks.length > 0) throw new Error(`leaks ${leaks.join(', ')}: ${context}`);
  const body = answer.json as Record<string, unknown> | undefined;
  if (answer.headers.get('content-type')?.startsWith('application/problem+json')) {
    if (body?.['status'] !== answer.status || typeof body['title'] !== 'string' || typeof body['type'] !== 'string')
      throw new Error(`not a problem: ${context}`);
    figures.problems++;
  } else if (typeof body?.['message'] === 'string' && Object.keys(body).length === 1) {
    figures.gatewayRefusals++; // API Gateway's own answer (401, 403, 404, 413, 415…), as in AWS
  } else {
    throw new Error(`neither a problem nor a gateway refusal: ${context}`);
  }
}

interface HttpTarget {
  readonly name: string;
  readonly method: string;
  readonly base: string;
  readonly template: string;
  readonly valid: Json | undefined;
  headers(body: string): Record<string, string>;
}

const VALID_BODIES: Record<string, Json> = {
  'POST /orders': { currency: 'EUR', lines: [{ sku: 'FUZZ-1', quantity: 1 }] },
  'PUT /catalog/products/{sku}': { name: 'Fuzzed', prices: [{ amountMinor: 1250, currency: 'EUR' }] },
  'PUT /inventory/items/{sku}': { available: 5 },
  'POST /payments/webhook': {
    notificationId: randomUUID(),
    eventType: 'PaymentSucceeded',
    paymentId: 'pay_1',
    orderId: randomUUID(),
    amount: { amountMinor: 1250, currency: 'EUR' },
    occurredAt: '2026-01-01T00:00:00.000Z',
  },
};

function httpTargets(): HttpTarget[] {
  const rest = routes.routes.map((route): HttpTarget => {
    const name = `${route.method} ${route.path}`;
    const webhook = route['authorization'] === 'CUSTOM';
    return {
      name,
      method: route.method,
      base: cloud.endpoints.restApi,
      template: route.path,
      valid: VALID_BODIES[name],
      // Genuine credentials, so the fuzz reaches validation and the function instead of the authorizer.
      headers: (body): Record<string, string> =>
        webhook
          ? { 'x-api-key': cloud.endpoints.apiKey, ...webhookSignature(body) }
          : { authorization: customer.token, 'idempotency-key': randomUUID() },
    };
  });
  const httpApi = routes.httpApiRoutes.map((route): HttpTarget => {
    const [method, template] = String(route['routeKey']).split(' ') as [string, string];
    return {
      name: String(route['routeKey']),
      method,
      base: cloud.endpoints.httpApi,
      template,
      valid: VALID_BODIES[String(route['routeKey'])],
      headers: () => ({ authorization: `Bearer ${admin}` }),
    };
  });
  return [...rest, ...httpApi];
}

/** A body the route must refuse, except on routes whose parameters alone make the request invalid (GET, cancel). */
const bodyFor = (target: HttpTarget) =>
  target.method === 'GET' ? fc.constant(undefined) : invalidBodies(target.valid);

// ---- events -------------------------------------------------------------------------------------------------

const envelope = fc.record({
  eventId: fc.oneof(fc.uuid(), unicode, fc.integer()),
  eventType: fc.oneof(unicode, nasty),
  version: fc.oneof(fc.integer(), unicode),
  occurredAt: fc.oneof(unicode, fc.integer()),
  correlationId: fc.oneof(unicode, fc.constant(null)),
  causationId: fc.oneof(unicode, json),
  payload: json,
});
const malformedEvent = fc.oneof(
  json.map((value) => JSON.stringify(value)),
  envelope.map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
  nasty,
);

async function publishMalformed(consumer: EventConsumer, message: string): Promise<void> {
  figures.events++;
  figures.requests++;
  if (consumer.kind === 'sns') {
    const answer = await snsPublish(cloud, consumer.topic, message, consumer.attributes);
    expect({ consumer: consumer.name, status: answer.status }).toEqual({ consumer: consumer.name, status: 200 });
  } else {
    // EventBridge requires a JSON object as Detail; anything else it refuses per entry, which is not a delivery.
    const detail = message.trim().startsWith('{') ? message : JSON.stringify({ value: message });
    const answer = await putEvents(cloud, [
      { Source: consumer.source, DetailType: consumer.detailType, Detail: detail },
    ]);
    expect({ consumer: consumer.name, status: answer.status, failed: answer.json?.FailedEntryCount }).toEqual({
      consumer: consumer.name,
      status: 200,
      failed: 0,
    });
  }
}

const dlqSizes = async () =>
  new Map((await deadLetters(cloud)).map((queue) => [queue.name, queue.messages?.length ?? 0]));

// ---- the suite ----------------------------------------------------------------------------------------------

describe('fuzzing every route, the webhook and every event consumer', () => {
  it('refuses every malformed input with a 4xx, dead-letters every malformed event, and writes nothing', async () => {
    const before = await snapshotTables(cloud);
    const consumers = declaredConsumers(cloud);
    expect(consumers.length).toBeGreaterThan(0);

    // Events first: their retries run while the HTTP fuzzing does.
    const sentTo = new Map<string, number>();
    for (const consumer of consumers) {
      const messages = fc.sample(malformedEvent, { numRuns: FUZZ_EVENTS_PER_CONSUMER, seed });
      for (const message of messages) await publishMalformed(consumer, message);
      if (consumer.deadLetterQueue)
        sentTo.set(consumer.deadLetterQueue, (sentTo.get(consumer.deadLetterQueue) ?? 0) + messages.length);
    }

    const targets = httpTargets();
    expect(targets.length).toBe(routes.routes.length + routes.httpApiRoutes.length);
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(pathValue, queryString, contentType, bodyFor(target), async (value, query, type, body) => {
          figures.fuzzCases++;
          const path = target.template.replace(/\{[^}]+\}/g, () => percentEncoded(value));
          const headers: Record<string, string> = {
            ...target.headers(body ?? ''),
            ...(type ? { 'content-type': type } : {}),
          };
          const answer = await request(`${target.base}${path}${query ? `?${query}` : ''}`, {
            method: target.method,
            headers,
            ...(body === undefined ? {} : { body }),
          });
          expectRefusal(
            answer,
            `${target.name} ${path.slice(0, 80)}?${query.slice(0, 80)} [${type}] ${String(body).slice(0, 120)}`,
            target.method === 'GET',
          );
        }),
        { numRuns: FUZZ_RUNS_PER_ROUTE, seed, endOnFailure: true },
      );
    }

    // Every malformed event reaches its consumer's dead-letter queue (EventBridge's retries run on compressed time).
    const deadLettered = await eventually(
      async () => {
        const sizes = await dlqSizes();
        for (const [queue, sent] of sentTo)
          expect({ queue, atLeast: (sizes.get(queue) ?? 0) >= sent }).toEqual({ queue, atLeast: true });
        return sizes;
      },
      120_000,
      1000,
    );

    // Redrive the SNS consumers' dead letters: they fail again and come back, still writing nothing.
    const snsQueues = [
      ...new Set(
        consumers
          .filter((consumer) => consumer.kind === 'sns' && consumer.deadLetterQueue)
          .map((consumer) => consumer.deadLetterQueue!),
      ),
    ];
    let redriven = 0;
    for (const queue of snsQueues) {
      const held = deadLettered.get(queue) ?? 0;
      await redrive(cloud, queue);
      redriven += held;
      await eventually(async () => expect((await dlqSizes()).get(queue)).toBe(held), 60_000, 500);
    }

    const after = await snapshotTables(cloud);
    expect(after).toEqual(before);
    // The program is still up, and never logged an unhandled rejection or exception.
    expect(cloud.pid).toBeDefined();
    expect(() => process.kill(cloud.pid!, 0)).not.toThrow();
    expect(cloud.output()).not.toMatch(/unhandled ?rejection|uncaught ?exception/i);

    const inDlq = [...sentTo.keys()].reduce((sum, queue) => sum + (deadLettered.get(queue) ?? 0), 0);
    recordFigures({
      promise: 'fuzzing: only 4xx problems, malformed events dead-lettered, nothing written',
      requests: figures.requests,
      events: figures.events,
      dlqRedriven: redriven,
      fuzzCases: figures.fuzzCases + figures.events,
      lost: 0,
      doubled: 0,
      notes: `${targets.length} routes × ${FUZZ_RUNS_PER_ROUTE} runs, ${consumers.length} consumers × ${FUZZ_EVENTS_PER_CONSUMER} events (seed ${seed}); ${figures.problems} problem+json, ${figures.gatewayRefusals} gateway refusals, ${figures.readsAnswered} reads answered 2xx; ${inDlq} in DLQs`,
    });
  }, 300_000);
});
