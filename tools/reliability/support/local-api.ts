import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { request } from './http';
import type { ReliabilityCloud } from './local-cloud';

/** The payment webhook's secret, as the orders service declares it for the local cloud. */
export function paymentWebhookSecret(): string {
  const root = join(__dirname, '../../..');
  const functions = parse(readFileSync(join(root, 'apps/orders/api/functions.yaml'), 'utf8')) as {
    secrets?: Record<string, { localValue?: string }>;
  };
  const secret = functions.secrets?.['payment-webhook']?.localValue;
  if (!secret) throw new Error('apps/orders/api/functions.yaml declares no payment-webhook secret');
  return secret;
}

/** The payment provider's signature headers for `body`: its SHA-256 and an HMAC over timestamp and digest. */
export function webhookSignature(
  body: string,
  { secret = paymentWebhookSecret(), timestamp = Math.floor(Date.now() / 1000) } = {},
): Record<string, string> {
  const digest = createHash('sha256').update(body, 'utf8').digest('hex');
  const signature = createHmac('sha256', secret).update(`${timestamp}.${digest}`).digest('hex');
  return {
    'x-harbor-timestamp': String(timestamp),
    'x-harbor-content-sha256': digest,
    'x-harbor-signature': `v1=${signature}`,
  };
}

export interface RouteSummaries {
  readonly routes: readonly {
    readonly api: string;
    readonly method: string;
    readonly path: string;
    readonly [key: string]: unknown;
  }[];
  readonly httpApiRoutes: readonly { readonly [key: string]: unknown }[];
  readonly websocketRoutes: readonly { readonly [key: string]: unknown }[];
}

/** GET /_local/routes: every REST, HTTP API and WebSocket route the local cloud serves. */
export async function localRoutes(cloud: ReliabilityCloud): Promise<RouteSummaries> {
  const answer = await request<RouteSummaries>(`${cloud.endpoints.aws}/_local/routes`);
  if (answer.status !== 200 || !answer.json)
    throw new Error(`GET /_local/routes answered ${answer.status}: ${answer.text}`);
  return answer.json;
}

export interface DeadLetterQueue {
  readonly name: string;
  readonly messages?: readonly unknown[];
  readonly [key: string]: unknown;
}

/** GET /_local/dlq: the dead-letter queues and what they hold. */
export async function deadLetters(cloud: ReliabilityCloud): Promise<readonly DeadLetterQueue[]> {
  const answer = await request<{ queues: DeadLetterQueue[] }>(`${cloud.endpoints.aws}/_local/dlq`);
  if (answer.status !== 200 || !answer.json)
    throw new Error(`GET /_local/dlq answered ${answer.status}: ${answer.text}`);
  return answer.json.queues;
}

/** POST /_local/dlq/{name}/redrive. */
export async function redrive(cloud: ReliabilityCloud, queue: string): Promise<unknown> {
  const answer = await request(`${cloud.endpoints.aws}/_local/dlq/${encodeURIComponent(queue)}/redrive`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (answer.status !== 200) throw new Error(`redrive of ${queue} answered ${answer.status}: ${answer.text}`);
  return answer.json;
}
