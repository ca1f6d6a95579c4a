import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { restApiListener } from './rest-api-listener';
import { createShopApi } from '../../test/rest/support/shop-api';

describe('restApiListener', () => {
  let server: Server;
  let base: string;
  const shop = createShopApi();

  beforeAll(async () => {
    server = createServer(restApiListener(shop.api));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves the API over HTTP, client header case and source address included', async () => {
    const response = await fetch(`${base}/v1/items/9?q=1`, { headers: { 'X-Custom-Header': 'yes' } });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ item: 'x' });
    // As API Gateway: a Content-Length, not a chunked body.
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(response.headers.get('transfer-encoding')).toBeNull();
    const event = shop.invoker.lastEvent('shop.getItem');
    expect(event['headers']).toMatchObject({ 'X-Custom-Header': 'yes' });
    expect(event['requestContext']).toMatchObject({
      identity: expect.objectContaining({ sourceIp: '127.0.0.1' }),
      path: '/v1/items/9',
    });
  });

  it('writes gateway responses and request bodies through', async () => {
    const missing = await fetch(`${base}/v1/nowhere`);
    expect(missing.status).toBe(403);
    expect(missing.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    // API Gateway stamps x-amz-apigw-id on the answers it makes itself too, not only on Lambda's.
    expect(missing.headers.get('x-amz-apigw-id')).toEqual(expect.stringMatching(/\S/));
    const created = await fetch(`${base}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'SKU1', price: { amountMinor: 1, currency: 'EUR' }, tags: ['gift'] }),
    });
    expect(created.status).toBe(200);
    expect(JSON.parse(String(shop.invoker.lastEvent('shop.createItem')['body']))).toMatchObject({ sku: 'SKU1' });
  });

  it('reads a chunked body whole (bodyless requests are answered without waiting for the stream)', async () => {
    const item = { sku: 'SKU2', price: { amountMinor: 2, currency: 'EUR' }, tags: ['gift'] };
    const text = JSON.stringify(item);
    const status = await new Promise<number>((resolve, reject) => {
      const sending = request(
        `${base}/items`,
        { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
        (answer) => {
          answer.resume();
          answer.on('end', () => resolve(answer.statusCode ?? 0));
        },
      );
      sending.on('error', reject);
      sending.write(text.slice(0, 10));
      setTimeout(() => sending.end(text.slice(10)), 20); // the second chunk comes later
    });
    expect(status).toBe(200);
    expect(JSON.parse(String(shop.invoker.lastEvent('shop.createItem')['body']))).toEqual(item);
    // A keep-alive connection goes on serving after a bodyless GET.
    const agentless = await Promise.all([fetch(`${base}/v1/items/1`), fetch(`${base}/v1/items/2`)]);
    expect(agentless.map((response) => response.status)).toEqual([200, 200]);
  });
});
