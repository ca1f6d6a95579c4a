import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { eventually, type LocalCloudChild } from './local-cloud-child';

/**
 * Puts a SKU on sale through the catalog's admin HTTP API and waits until orders' copy of the catalog holds its
 * price (outbox relay → bus → catalog-prices rule), so the try-it form's POST /orders can price it.
 */
export async function putOnSale(cloud: LocalCloudChild, sku: string, env = 'console'): Promise<void> {
  const httpApi = cloud.endpoints['HTTP API'];
  if (!httpApi) throw new Error('no HTTP API in the start-up table');
  const minted = await fetch(`${cloud.aws}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'console-catalog-admin', scopes: ['catalog/admin'] }),
  });
  const { token } = (await minted.json()) as { token: string };
  const put = await fetch(`${httpApi}/catalog/products/${sku}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: `Console ${sku}`, prices: [{ amountMinor: 1250, currency: 'EUR' }] }),
  });
  if (put.status !== 200 && put.status !== 201)
    throw new Error(`PUT /catalog/products/${sku} answered ${put.status}: ${await put.text()}`);
  const { version } = (await put.json()) as { version: number };
  const dynamodb = new DynamoDBClient({
    endpoint: cloud.aws,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await eventually(async () => {
      const { Item } = await dynamodb.send(
        new GetItemCommand({ TableName: `harbor-${env}-orders-prices`, Key: { sku: { S: sku } } }),
      );
      if (Number(Item?.['version']?.N ?? 0) < version)
        throw new Error(`orders has not seen version ${version} of ${sku}'s price yet`);
    });
  } finally {
    dynamodb.destroy();
  }
}
