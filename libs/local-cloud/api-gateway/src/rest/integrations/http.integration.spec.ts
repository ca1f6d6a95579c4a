import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyJson, bodyText, httpRequest } from '../../../test/rest/support/requests';
import { createShopApi } from '../../../test/rest/support/shop-api';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

describe('http and http_proxy integrations', () => {
  let server: Server;
  let host: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        if (req.url?.startsWith('/api/slow')) return void setTimeout(() => res.end('late'), 1000);
        if (req.url === '/quote') {
          const { sku } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { sku: string };
          res.writeHead(sku === 'BAD' ? 404 : 200, { 'content-type': 'application/json' });
          return void res.end(
            JSON.stringify(
              sku === 'BAD' ? { error: 'unknown sku' } : { price: { amountMinor: 1250, currency: 'EUR' } },
            ),
          );
        }
        res.writeHead(201, { 'content-type': 'text/plain', 'x-backend': 'yes', 'set-cookie': ['a=1', 'b=2'] });
        res.end(`echo ${req.method} ${req.url}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('forwards method, greedy path, query string, headers and body to an http_proxy backend', async () => {
    const { api } = createShopApi({}, undefined, host);
    const response = await api.handle(
      httpRequest('PATCH', '/v1/backend/orders/42/lines?expand=all&x=1', {
        headers: { 'X-Client': 'c1', 'Content-Type': 'text/plain' },
        body: 'payload',
      }),
    );
    expect(response.status).toBe(201);
    expect(bodyText(response)).toBe('echo PATCH /api/orders/42/lines?expand=all&x=1');
    expect(response.headers).toMatchObject({ 'x-backend': 'yes', 'content-type': 'text/plain' });
    expect(response.multiValueHeaders).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
    const request = seen[seen.length - 1];
    expect(request).toMatchObject({ method: 'PATCH', body: 'payload' });
    expect(request.headers).toMatchObject({
      'x-client': 'c1',
      'x-gateway-request': response.headers['x-amzn-RequestId'],
    });
  });

  it('answers 504 Endpoint request timed out for a backend slower than timeoutInMillis', async () => {
    const { api } = createShopApi({}, undefined, host);
    const started = Date.now();
    const response = await api.handle(httpRequest('GET', '/v1/backend/slow'));
    expect(response.status).toBe(504);
    expect(bodyText(response)).toBe('{"message": "Endpoint request timed out"}');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('maps request and response of a non-proxy http integration through templates and selection patterns', async () => {
    const { api } = createShopApi({}, undefined, host);
    const ok = await api.handle(
      httpRequest('POST', '/v1/legacy/quote', {
        headers: { 'Content-Type': 'application/json' },
        body: { sku: 'A-1', ignored: true },
      }),
    );
    expect(ok.status).toBe(200);
    expect(bodyJson(ok)).toEqual({ price: { amountMinor: 1250, currency: 'EUR' } });
    expect(JSON.parse(seen[seen.length - 1].body)).toEqual({ sku: 'A-1', source: 'gateway' });
    const bad = await api.handle(
      httpRequest('POST', '/v1/legacy/quote', {
        headers: { 'Content-Type': 'application/json' },
        body: { sku: 'BAD' },
      }),
    );
    expect(bad.status).toBe(502);
    expect(bodyJson(bad)).toEqual({ error: 'quote service said unknown sku' });
  });

  it('answers 500 when the backend cannot be reached', async () => {
    const { api } = createShopApi({}, undefined, '127.0.0.1:9');
    const response = await api.handle(httpRequest('GET', '/v1/backend/anything'));
    expect(response.status).toBe(500);
    expect(bodyJson(response)).toEqual({ message: 'Internal server error' });
  });
});
