// Products on sale: orders prices every line from its own copy of the catalog, so the demo and the smoke test put a
// SKU on sale through the catalog's admin API first and wait until orders holds the price (the catalog's
// ProductPriced travels through its outbox relay and the bus), on the local cloud and in AWS alike.
import { StepFailed, call, until } from './client.mjs';

/** PUT /catalog/products/{sku} with these prices (minor units by currency); answers the product once orders has its price. */
export async function putOnSale(target, access, sku, prices, waitMs) {
  const answer = await call(`${target.catalogApi}/catalog/products/${sku}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await access.catalogAdminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Demo ${sku}`,
      prices: Object.entries(prices).map(([currency, amountMinor]) => ({ currency, amountMinor })),
    }),
  });
  if (answer.status !== 201 && answer.status !== 200)
    throw new StepFailed(`the catalog answered ${answer.status} for ${sku}: ${JSON.stringify(answer.body)}`);
  await untilOrdersHold(access, sku, answer.body.version, waitMs);
  return answer.body;
}

/** Waits until orders' copy of the catalog holds `version` of a SKU (a price, or its retirement). */
export async function untilOrdersHold(access, sku, version, waitMs) {
  await until(
    `orders to hold version ${version} of ${sku}`,
    async () => (await access.orderPriceVersion(sku)) >= version,
    waitMs,
  );
}
