// The local cloud's side of what deployed.mjs gets from AWS: it mints any token it is asked for (POST /_local/token)
// and gives the webhook the API key and secret `npm start` configures.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { StepFailed, call } from './client.mjs';
import { root } from './targets.mjs';

export async function localToken(target, claims) {
  const answer = await call(`${target.aws}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (answer.status !== 200 || !answer.body?.token) {
    throw new StepFailed(`POST ${target.aws}/_local/token answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body.token;
}

export function localAccess(target, env = process.env) {
  return {
    customerToken: (label) => localToken(target, { sub: `demo-${label}` }),
    adminToken: () => localToken(target, { sub: 'demo-admin', scopes: ['inventory/admin'] }),
    catalogAdminToken: () => localToken(target, { sub: 'demo-admin', scopes: ['catalog/admin'] }),
    // Read straight from DynamoDB Local: orders' copy of the catalog (the orders-prices table).
    async orderPriceVersion(sku) {
      const client = new DynamoDBClient({
        endpoint: target.dynamodb,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      try {
        const { Item } = await client.send(
          new GetItemCommand({
            TableName: `harbor-${target.name}-orders-prices`,
            Key: { sku: { S: sku } },
            ConsistentRead: true,
          }),
        );
        return Number(Item?.version?.N ?? 0);
      } finally {
        client.destroy();
      }
    },
    webhookCredentials: () => ({
      apiKey: env.HARBOR_API_KEY || 'harbor-local-api-key-0001',
      // The secret the local cloud gives the webhook's authorizer, from the same declaration it reads.
      secret: parse(readFileSync(resolve(root, 'apps/orders/api/functions.yaml'), 'utf8')).secrets['payment-webhook']
        .localValue,
    }),
    cleanUp: () => undefined, // the local cloud creates no users to delete
  };
}
