// `npm run seed`: puts every service's sample data (apps/<service>/api/seed.yaml) through its own API on a running
// `npm start`, so a fresh local cloud has a shop to click through. Endpoints: the README's defaults, or the same
// HARBOR_* variables `npm start` reads. Exits 1 naming the first request that is not answered 2xx.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const base = (name, fallback) => `http://${env.HARBOR_HOST ?? '127.0.0.1'}:${env[name] || fallback}`;
const apis = { rest: base('HARBOR_REST_PORT', 3000), http: base('HARBOR_HTTP_API_PORT', 3001) };
const aws = base('HARBOR_AWS_PORT', 4566);

async function tokenFor(claims) {
  const answer = await fetch(`${aws}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (answer.status !== 200)
    throw new Error(`POST /_local/token answered ${answer.status}: is npm start running at ${aws}?`);
  return (await answer.json()).token;
}

async function send(service, request) {
  const url = `${apis[request.api] ?? ''}${request.path}`;
  if (!apis[request.api])
    throw new Error(`apps/${service}/api/seed.yaml: api must be rest or http, got ${JSON.stringify(request.api)}`);
  const headers = { 'content-type': 'application/json', ...(request.headers ?? {}) };
  if (request.token) headers.authorization = `Bearer ${await tokenFor(request.token)}`;
  const answer = await fetch(url, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  if (answer.status < 200 || answer.status > 299)
    throw new Error(
      `apps/${service}/api/seed.yaml: ${request.method} ${request.path} answered ${answer.status}: ${await answer.text()}`,
    );
  console.log(`  ${service}  ${request.method} ${request.path}  ${answer.status}`);
}

try {
  const services = readdirSync(join(root, 'apps')).filter((name) =>
    existsSync(join(root, 'apps', name, 'api', 'seed.yaml')),
  );
  for (const service of services) {
    for (const request of parse(readFileSync(join(root, 'apps', service, 'api', 'seed.yaml'), 'utf8')).requests ?? [])
      await send(service, request);
  }
  console.log(`seeded ${services.join(', ') || 'nothing (no apps/*/api/seed.yaml)'}`);
} catch (error) {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
