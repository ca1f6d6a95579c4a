// `npm run demo [-- --target <env>]`: plays Harbor's order story and prints each step as it happens. Two customers
// race for the last unit of a SKU, the winner watches its order live on a WebSocket and pays through the signed
// webhook, the loser cannot cancel, a cancelled order gives its stock back once even when OrderCancelled arrives
// twice, and the winning order's trace shows every hop. Without --target it runs against `npm start` (the README's
// endpoints, or the same HARBOR_* variables `npm start` reads). With --target <env> it runs against the environment
// infra/envs/<env> deployed (its `terraform output -json`), with users of its Cognito pool and the AWS CLI's
// credentials (infra/README.md, "Deploying on a fresh AWS account"); the redelivery and the trace need the local
// cloud's tools (DynamoDB Local's outbox, /_local/traces) and are left out there.
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { accessFor } from './demo/access.mjs';
import { putOnSale } from './demo/catalog.mjs';
import { StepFailed, call, until as untilWithin } from './demo/client.mjs';
import { localTarget, targetArgument, terraformTarget } from './demo/targets.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const env = process.env;
let endpoints;
try {
  const name = targetArgument(process.argv.slice(2));
  endpoints = name ? terraformTarget(name) : localTarget();
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
const local = endpoints.kind === 'local';
const names = { env: endpoints.name };
const access = accessFor(endpoints);
const sdk = { region: env.AWS_REGION ?? 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
// Deployed functions start cold and the bus crosses real networks: give each wait longer there.
const WAIT_MS = local ? 20_000 : 60_000;

const started = performance.now();
const clock = () => `+${((performance.now() - started) / 1000).toFixed(2)}s`.padStart(8);
const say = (text) => console.log(`${clock()}  ${text}`);
// A failed step throws: the story stops, users and sockets are cleaned up, and the exit code is 1.
const fail = (text) => {
  throw new StepFailed(text);
};
const until = (what, check) => untilWithin(what, check, WAIT_MS);
// What the demo's products sell for (minor units): orders prices every line from the catalog, never from the client.
const PRICES = { EUR: 1250, USD: 1399 };

let adminToken;
const admin = async () => (adminToken ??= await access.adminToken());

async function stock(sku, available) {
  const put = available !== undefined;
  const answer = await call(`${endpoints.httpApi}/inventory/items/${sku}`, {
    method: put ? 'PUT' : 'GET',
    headers: { authorization: `Bearer ${await admin()}`, 'content-type': 'application/json' },
    ...(put ? { body: JSON.stringify({ available }) } : {}),
  });
  if (answer.status !== 200) fail(`inventory answered ${answer.status} for ${sku}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
const shownStock = ({ available, reserved }) => `available ${available}, reserved ${reserved}`;

/** A customer with a token and an open WebSocket whose messages are printed as they arrive. */
async function customer(name) {
  const id = `${name.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const jwt = await access.customerToken(id);
  const statuses = [];
  const socket = new WebSocket(`${endpoints.notifications}?token=${encodeURIComponent(jwt)}`);
  await new Promise((done, refuse) =>
    socket
      .once('open', done)
      .once('error', refuse)
      .once('unexpected-response', (_, res) => refuse(new Error(`HTTP ${res.statusCode}`))),
  );
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    statuses.push(message.status);
    say(`   ⇠ ${name}'s WebSocket: order ${message.orderId.slice(0, 8)} is ${message.status}`);
  });
  sockets.push(socket);
  return { name, id, jwt, socket, statuses };
}
const sockets = [];

async function placeOrder(who, sku, quantity) {
  const correlationId = `demo-${randomUUID()}`;
  const answer = await call(`${endpoints.rest}/orders`, {
    method: 'POST',
    headers: {
      authorization: who.jwt,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      'x-correlation-id': correlationId,
    },
    body: JSON.stringify({ currency: 'EUR', lines: [{ sku, quantity }] }),
  });
  if (answer.status !== 201) fail(`POST /orders answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { ...answer.body, correlationId, sentAt: performance.now() };
}

const statusOf = async (who, orderId) =>
  (await call(`${endpoints.rest}/orders/${orderId}`, { headers: { authorization: who.jwt } })).body.status;
const cancel = (who, orderId, correlationId = `demo-${randomUUID()}`) =>
  call(`${endpoints.rest}/orders/${orderId}/cancel`, {
    method: 'POST',
    headers: { authorization: who.jwt, 'x-correlation-id': correlationId },
  });
const since = (at) => `${Math.round(performance.now() - at)} ms`;

async function hopsOf(correlationId) {
  const { hops } = (await call(`${endpoints.aws}/_local/traces?correlationId=${encodeURIComponent(correlationId)}`))
    .body;
  const end = (hop) => Date.parse(hop.startedAt) + hop.durationMs;
  // Hops are recorded when they end: order them by start, an enclosing hop (delivery around invoke) first.
  return hops.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || end(b) - end(a) || b.id - a.id);
}

/** The chain HTTP → … → WebSocket that confirmed the order, as the trace recorded it. */
const JOURNEY = [
  ['http', /^POST \/orders$/],
  ['invoke', /^orders\.placeOrder$/],
  ['dynamodb', /^TransactWriteItems .*-orders$/],
  ['stream', /-orders → /],
  ['put-events', /-events$/],
  ['delivery', /^reserve-stock/],
  ['invoke', /^inventory\.reserveStock$/],
  ['dynamodb', /^TransactWriteItems .*-inventory$/],
  ['stream', /-inventory → /],
  ['put-events', /-events$/],
  ['delivery', /^stock-outcome$/],
  ['invoke', /^orders\.confirmOrRejectOrder$/],
  ['dynamodb', /^TransactWriteItems .*-orders$/],
  ['stream', /-orders → /],
  ['publish', /-order-status$/],
  ['delivery', /^notifications-order-status-push$/],
  ['invoke', /^notifications\.pushOrderStatus$/],
  ['websocket', /@connections$/],
];

// Start times have millisecond resolution: a hop that started in the same millisecond as the previous step may be
// listed before it, so compare times, not positions.
function journeyOf(hops) {
  const found = [];
  const used = new Set();
  let notBefore = Number.NEGATIVE_INFINITY;
  for (const [kind, name] of JOURNEY) {
    const index = hops.findIndex(
      (hop, i) => !used.has(i) && Date.parse(hop.startedAt) >= notBefore && hop.kind === kind && name.test(hop.name),
    );
    if (index === -1) {
      found.push({ kind, name: `(not recorded: ${name.source})`, missing: true });
      continue;
    }
    found.push(hops[index]);
    used.add(index);
    notBefore = Date.parse(hops[index].startedAt);
  }
  return found;
}

function printJourney(hops) {
  const t0 = Date.parse(hops[0].startedAt);
  const rows = journeyOf(hops).map((hop, i) => [
    String(i + 1),
    hop.missing ? '' : `+${Date.parse(hop.startedAt) - t0}`,
    hop.missing ? '' : hop.durationMs.toFixed(1),
    hop.kind,
    hop.kind === 'put-events' ? `${hop.name} (${hop.detail?.detailType})` : hop.name,
  ]);
  const header = ['#', 'start ms', 'took ms', 'hop', 'what'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row) =>
    `  ${row.map((cell, column) => (column < 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')}`.trimEnd();
  console.log(line(header));
  console.log(line(widths.map((width) => '─'.repeat(width))));
  rows.forEach((row) => console.log(line(row)));
}

// ── the story ─────────────────────────────────────────────────────────────────────────────────────────────
async function story() {
  if (local) {
    const alive = await fetch(`${endpoints.aws}/_local/routes`, { signal: AbortSignal.timeout(3000) }).catch(
      () => undefined,
    );
    if (!alive?.ok) {
      fail(
        `The local cloud is not running: nothing answered at ${endpoints.aws}/_local/routes.\n` +
          '  Start it in another terminal with `npm start`, wait for its `ready` line, then run `npm run demo` again.',
      );
    }
  }
  const against = local ? 'the local cloud' : `infra/envs/${endpoints.name}`;
  console.log(
    `Harbor demo against ${against} (REST ${endpoints.rest}, HTTP ${endpoints.httpApi}, WebSocket ${endpoints.notifications}${local ? `, AWS ${endpoints.aws}` : ''})\n`,
  );

  const sku = `DEMO-${randomBytes(3).toString('hex').toUpperCase()}`;
  const product = await putOnSale(endpoints, access, sku, PRICES, WAIT_MS);
  const shownPrices = product.prices
    .map((price) => `${price.currency} ${(price.amountMinor / 100).toFixed(2)}`)
    .join(', ');
  say(
    `1. Catalog: ${sku} is on sale at ${shownPrices} (PUT /catalog/products/${sku}, admin token); orders has the price`,
  );
  say(`   Inventory: ${sku} now has ${shownStock(await stock(sku, 1))} (PUT /inventory/items/${sku}, admin token)`);

  const [ann, bob] = await Promise.all([customer('Ann'), customer('Bob')]);
  say(
    `2. Ann and Bob sign in (${local ? 'POST /_local/token' : 'users of the Cognito pool, ADMIN_USER_PASSWORD_AUTH'}) and open their WebSockets`,
  );

  const raceAt = performance.now();
  const [annOrder, bobOrder] = await Promise.all([placeOrder(ann, sku, 1), placeOrder(bob, sku, 1)]);
  say(
    `3. Both order the last ${sku} at the same moment: POST /orders → 201 ${annOrder.status} and 201 ${bobOrder.status} (${since(raceAt)})`,
  );

  const outcomes = await until('both orders to be confirmed or rejected', async () => {
    const statuses = await Promise.all([statusOf(ann, annOrder.orderId), statusOf(bob, bobOrder.orderId)]);
    return statuses.every((status) => status === 'CONFIRMED' || status === 'REJECTED') && statuses;
  });
  const annWon = outcomes[0] === 'CONFIRMED';
  const [winner, winning, loser, losing] = annWon ? [ann, annOrder, bob, bobOrder] : [bob, bobOrder, ann, annOrder];
  await until(`${winner.name}'s WebSocket to show CONFIRMED`, async () => winner.statuses.includes('CONFIRMED'));
  const confirmedIn = since(raceAt);
  say(
    `4. Inventory reserved one unit: ${winner.name}'s order is ${outcomes[annWon ? 0 : 1]}, ${loser.name}'s is ${outcomes[annWon ? 1 : 0]} (${confirmedIn} after ordering)`,
  );
  say(`   ${winner.name}'s WebSocket saw ${winner.statuses.join(' → ')}; stock now ${shownStock(await stock(sku))}`);

  const payment = JSON.stringify({
    notificationId: randomUUID(),
    eventType: 'PaymentSucceeded',
    paymentId: `pay_${randomBytes(6).toString('hex')}`,
    orderId: winning.orderId,
    amount: winning.total,
    occurredAt: new Date().toISOString(),
  });
  const { apiKey, secret: webhookSecret } = access.webhookCredentials();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const digest = createHash('sha256').update(payment).digest('hex');
  const signature = createHmac('sha256', webhookSecret).update(`${timestamp}.${digest}`).digest('hex');
  const paidAt = performance.now();
  const webhook = await call(`${endpoints.rest}/payments/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': apiKey,
      'x-harbor-timestamp': timestamp,
      'x-harbor-content-sha256': digest,
      'x-harbor-signature': `v1=${signature}`,
    },
    body: payment,
  });
  if (webhook.status !== 200) fail(`the webhook answered ${webhook.status}: ${JSON.stringify(webhook.body)}`);
  say(
    `5. The payment provider calls POST /payments/webhook (API key, HMAC-SHA256 signature) → SNS message ${webhook.body.messageId.slice(0, 8)}`,
  );
  await until(`${winner.name}'s order to be PAID`, async () => (await statusOf(winner, winning.orderId)) === 'PAID');
  say(`   ${winner.name}'s order is PAID (${since(paidAt)} after the webhook)`);

  const refused = await cancel(loser, losing.orderId);
  say(
    `6. ${loser.name} tries to cancel the rejected order → ${refused.status} ${refused.type.split(';')[0]}: ${refused.body.detail ?? refused.body.title}`,
  );
  if (refused.status !== 409) fail(`expected 409, got ${refused.status}`);

  const cara = await customer('Cara');
  const spare = `DEMO-${randomBytes(3).toString('hex').toUpperCase()}`;
  await putOnSale(endpoints, access, spare, PRICES, WAIT_MS);
  await stock(spare, 3);
  const caraOrder = await placeOrder(cara, spare, 2);
  await until(`Cara's order to be CONFIRMED`, async () => (await statusOf(cara, caraOrder.orderId)) === 'CONFIRMED');
  say(
    `7. Cara orders 2 of ${spare} (3 in stock): CONFIRMED (${since(caraOrder.sentAt)}); stock ${shownStock(await stock(spare))}`,
  );
  const cancelCorrelationId = `demo-cancel-${randomUUID()}`;
  const cancelAt = performance.now();
  const cancelled = await cancel(cara, caraOrder.orderId, cancelCorrelationId);
  if (cancelled.status !== 200) fail(`cancelling answered ${cancelled.status}: ${JSON.stringify(cancelled.body)}`);
  await until('the stock to come back', async () => (await stock(spare)).reserved === 0);
  say(
    `   she cancels it → ${cancelled.body.status}; OrderCancelled gives the stock back: ${shownStock(await stock(spare))} (${since(cancelAt)})`,
  );

  if (!local) {
    console.log(
      `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s: ${winner.name} got the last unit (CONFIRMED ${confirmedIn} after ordering, then PAID), ${loser.name} was REJECTED.`,
    );
    console.log(
      'The redelivery (step 8) and the trace need the local cloud; in AWS the trace is in X-Ray (CloudWatch → Traces).',
    );
    return;
  }
  // The same OrderCancelled (same eventId) once more, as an at-least-once bus may deliver it.
  const dynamodb = new DynamoDBClient({ ...sdk, endpoint: endpoints.dynamodb });
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName: `harbor-${names.env}-orders`,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `ORDER#${caraOrder.orderId}` } },
      ConsistentRead: true,
    }),
  );
  dynamodb.destroy();
  const outbox = Items.find((item) => item.sk?.S?.startsWith('OUTBOX#') && item.eventType?.S === 'OrderCancelled');
  if (!outbox) fail('no OrderCancelled in the orders outbox');
  const events = new EventBridgeClient({ ...sdk, endpoint: endpoints.aws });
  await events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: `harbor-${names.env}-events`,
          Source: 'harbor.orders',
          DetailType: 'OrderCancelled',
          Detail: outbox.envelope.S,
        },
      ],
    }),
  );
  events.destroy();
  const deliveries = await until('the second OrderCancelled delivery', async () => {
    const found = (await hopsOf(cancelCorrelationId)).filter(
      (hop) => hop.kind === 'delivery' && hop.name.startsWith('release-stock'),
    );
    return found.length >= 2 && found;
  });
  const after = await stock(spare);
  say(
    `8. The same OrderCancelled (event ${JSON.parse(outbox.envelope.S).eventId.slice(0, 8)}) is delivered again (PutEvents): delivery ${deliveries.map((hop) => hop.status).join(', ')}`,
  );
  say(`   stock still ${shownStock(after)}: released exactly once`);
  if (after.available !== 3 || after.reserved !== 0) fail('the second delivery changed the stock');

  const hops = await hopsOf(winning.correlationId);
  console.log(
    `\nThe trace of ${winner.name}'s order (GET /_local/traces?correlationId=${winning.correlationId}): ${hops.length} hops; the path to CONFIRMED:`,
  );
  printJourney(hops);
  console.log(
    `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s: ${winner.name} got the last unit (CONFIRMED ${confirmedIn} after ordering, then PAID), ${loser.name} was REJECTED.`,
  );
}

try {
  await story();
} catch (error) {
  console.error(`\n✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const socket of sockets) socket.close();
  try {
    access.cleanUp();
  } catch (error) {
    console.error(`✗ could not delete the demo's users: ${error.message}`);
    process.exitCode = 1;
  }
}
