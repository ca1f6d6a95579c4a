// `npm run smoke [-- --target <env>]`: the shortest proof that an environment works end to end, for the pipeline to
// run after `terraform apply` (or against `npm start` without --target). It signs a customer in, places an order,
// reads it back and waits for inventory's answer to move it out of PENDING, which needs the API, its authorizer, the
// functions, the tables, the streams and the event bus all wired. A failing step prints which one and why, and the
// exit code is 1. Against AWS the customer is a throw-away user of the environment's pool, deleted at the end.
import { randomBytes, randomUUID } from 'node:crypto';
import { accessFor } from './demo/access.mjs';
import { putOnSale } from './demo/catalog.mjs';
import { StepFailed, call, until } from './demo/client.mjs';
import { localTarget, targetArgument, terraformTarget } from './demo/targets.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A deployed environment's first requests meet cold functions: give the event round trip longer there.
const WAIT_MS = { local: 20_000, aws: 60_000 };

async function smoke(target, access) {
  let done = 0;
  const step = async (name, run) => {
    try {
      const shown = await run();
      done += 1;
      console.log(`✓ ${name}${shown ? `: ${shown}` : ''}`);
    } catch (error) {
      throw new StepFailed(`smoke step ${done + 1} (${name}) failed: ${error.message}`);
    }
  };
  let jwt;
  await step('sign a customer in', async () => {
    jwt = await access.customerToken(`smoke-${randomBytes(3).toString('hex')}`);
  });
  // Priced in the catalog but never stocked, so inventory rejects it: REJECTED proves the events went round as well as
  // CONFIRMED would, and the catalog's price reaching orders proves the catalog's outbox, stream and rule.
  const sku = `SMOKE-${randomBytes(3).toString('hex').toUpperCase()}`;
  await step('put a product on sale', async () => {
    const product = await putOnSale(target, access, sku, { EUR: 100 }, WAIT_MS[target.kind]);
    return `PUT /catalog/products/${sku} → version ${product.version}; orders has the price`;
  });
  let orderId;
  await step('place an order', async () => {
    const answer = await call(`${target.rest}/orders`, {
      method: 'POST',
      headers: {
        authorization: jwt,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'x-correlation-id': `smoke-${randomUUID()}`,
      },
      body: JSON.stringify({ currency: 'EUR', lines: [{ sku, quantity: 1 }] }),
    });
    if (answer.status !== 201 || !answer.body?.orderId)
      throw new StepFailed(`POST /orders answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    orderId = answer.body.orderId;
    return `POST /orders → 201 ${answer.body.status} ${orderId}`;
  });
  const read = async () => {
    const answer = await call(`${target.rest}/orders/${orderId}`, { headers: { authorization: jwt } });
    if (answer.status !== 200 || answer.body?.orderId !== orderId) {
      throw new StepFailed(`GET /orders/${orderId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body.status;
  };
  await step('read it back', async () => `GET /orders/${orderId} → 200 ${await read()}`);
  await step('inventory answers', async () => {
    const status = await until(
      `order ${orderId} to leave PENDING (inventory's StockReserved or StockRejected)`,
      async () => {
        const now = await read();
        return now !== 'PENDING' && now;
      },
      WAIT_MS[target.kind],
    );
    if (status !== 'REJECTED') throw new StepFailed(`an order of an unstocked SKU became ${status}, not REJECTED`);
    return `PENDING → ${status}`;
  });
}

const started = performance.now();
let target;
let access;
try {
  const name = targetArgument(process.argv.slice(2));
  target = name ? terraformTarget(name) : localTarget();
  access = accessFor(target);
  console.log(
    `Harbor smoke test against ${target.kind === 'local' ? 'the local cloud' : `infra/envs/${target.name}`} (REST ${target.rest})`,
  );
  await smoke(target, access);
  console.log(`Smoke test passed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  try {
    access?.cleanUp();
  } catch (error) {
    console.error(`✗ could not delete the smoke test's user: ${error.message}`);
    process.exitCode = 1;
  }
}
