import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tryItRelay } from './try-it-relay';

let api: Server;
let origin: string;
const seen: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  api = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res
        .writeHead(201, { 'content-type': 'application/json', 'x-answer': 'yes' })
        .end(JSON.stringify({ echoed: body }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => api.close(resolve)));

const send = (payload: unknown, path = '/_console/send', method = 'POST') =>
  tryItRelay({ allowedOrigins: () => [origin] })({
    method,
    path,
    body: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
  });

describe('tryItRelay', () => {
  it('forwards the request to a local API and answers its status, headers and body', async () => {
    const response = await send({
      method: 'POST',
      url: `${origin}/orders?x=1`,
      headers: { 'content-type': 'application/json', authorization: 'token', host: 'evil' },
      body: '{"a":1}',
    });
    expect(response!.status).toBe(200);
    const relayed = JSON.parse(String(response!.body)) as {
      status: number;
      headers: Record<string, string>;
      body: string;
      durationMs: number;
    };
    expect(relayed).toMatchObject({ status: 201, headers: { 'x-answer': 'yes' }, body: '{"echoed":"{\\"a\\":1}"}' });
    expect(relayed.durationMs).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/orders?x=1',
      headers: { authorization: 'token', host: origin.slice('http://'.length) },
    });
  });

  it('refuses any origin that is not one of the local APIs', async () => {
    const response = await send({ method: 'GET', url: 'http://169.254.169.254/latest/meta-data', headers: {} });
    expect(response).toMatchObject({ status: 400, headers: { 'content-type': 'application/problem+json' } });
    expect(String(response!.body)).toContain('169.254.169.254');
  });

  it.each([
    ['not json'],
    [{ method: 'TRACE', url: 'http://x' }],
    [{ method: 'GET', url: '/relative' }],
    [{ method: 'GET', url: 'http://127.0.0.1:1', headers: { a: 1 } }],
  ])('answers 400 for a malformed request %#', async (payload) => {
    expect((await send(payload))!.status).toBe(400);
  });

  it('answers 405 to anything but POST and leaves other paths alone', async () => {
    expect((await send({}, '/_console/send', 'GET'))!.status).toBe(405);
    expect(await send({}, '/_local/routes')).toBeUndefined();
  });
});
