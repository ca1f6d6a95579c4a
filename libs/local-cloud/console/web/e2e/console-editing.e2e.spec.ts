import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { putOnSale } from './support/catalog';
import { pageScrollWidth, screenshot } from './support/console-page';
import { eventually, localCloudForConsoleTests, type LocalCloudChild } from './support/local-cloud-child';

/**
 * The console's sending and editing views in a real Chromium against `npm start`'s own program, on a 1280 px
 * screen and a 390 px phone: publishing and putting an event from the messaging view (who receives it, then the
 * flow it started, by deep link), querying and editing a table, and the flow's filters and log search.
 */
jest.setTimeout(240_000);

const ENV = 'console';
const WIDTHS = [
  { name: 'wide', viewport: { width: 1280, height: 900 } },
  { name: 'narrow', viewport: { width: 390, height: 844 } },
] as const;

let cloud: LocalCloudChild;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  cloud = await localCloudForConsoleTests();
  await eventually(async () => {
    const response = await fetch(`${cloud.aws}/`);
    if (response.status !== 200) throw new Error(`GET / answered ${response.status}: ${await response.text()}`);
  }, 120_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const localJson = async <T>(path: string): Promise<T> =>
  (await (await fetch(`${cloud.aws}/_local${path}`)).json()) as T;

async function open(view: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${cloud.aws}/#/${view}`);
  return page;
}

/** Nothing scrolls sideways but the boxes meant to. */
async function expectFits(page: Page, width: number, view: string): Promise<void> {
  expect({ view, width: await pageScrollWidth(page) }).toEqual({ view, width });
}

describe.each(WIDTHS)('the console on a $name screen', ({ name, viewport }) => {
  it('names who receives a message, publishes it, and opens its flow by deep link, also after a reload', async () => {
    const page = await open('messaging', viewport);
    const target = page.getByLabel('Topic or bus');
    await target.waitFor();
    await target.selectOption(`topic:harbor-${ENV}-order-status`);
    const correlationId = `console-ui-${name}-${randomUUID()}`;
    await page.getByLabel(/^Publish this message/).fill(
      JSON.stringify({
        body: { orderId: 'o-ui', status: 'SHIPPED' },
        attributes: {
          eventType: { Type: 'String', Value: 'OrderStatusChanged' },
          status: { Type: 'String', Value: 'SHIPPED' },
          correlationId: { Type: 'String', Value: correlationId },
        },
      }),
    );
    await page.getByRole('button', { name: 'Who receives it?' }).click();
    const recipients = page.getByRole('region', { name: 'Recipients' });
    await recipients.waitFor();
    expect(await recipients.textContent()).toMatch(/✔ notifications-order-status-push/);
    expect(await recipients.textContent()).toMatch(/✖ notifications-order-confirmed.*status/);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const sent = page.getByRole('status');
    await sent.getByText(/^Sent message/).waitFor();
    await expectFits(page, viewport.width, 'messaging');
    await screenshot(page, `${name}-publish`);

    await sent.getByRole('link', { name: 'follow it in the flow' }).click();
    expect(new URL(page.url()).hash).toBe(`#/flow/${encodeURIComponent(correlationId)}`);
    const selected = page.getByRole('article', { name: 'Selected flow' });
    await selected.getByRole('heading', { name: new RegExp(correlationId) }).waitFor();
    await page.reload();
    await selected.getByRole('heading', { name: new RegExp(correlationId) }).waitFor();
    await eventually(async () =>
      expect(await selected.getByRole('button', { name: /^Hop invoke / }).count()).toBeGreaterThan(0),
    );
    await expectFits(page, viewport.width, 'flow deep link');
    await page.close();
  });

  it('puts an event on the bus and shows the rules it reaches', async () => {
    const page = await open('messaging', viewport);
    await page.getByLabel('Topic or bus').selectOption(`bus:harbor-${ENV}-events`);
    await page
      .getByLabel(/^Put this event/)
      .fill(JSON.stringify({ source: 'harbor.inventory', 'detail-type': 'StockRejected', detail: { orderId: 'x' } }));
    await page.getByRole('button', { name: 'Who receives it?' }).click();
    expect(await page.getByRole('region', { name: 'Recipients' }).textContent()).toMatch(/✔ stock-outcome/);
    await page.getByRole('button', { name: 'Put event' }).click();
    await page
      .getByRole('status')
      .getByText(/^Sent event/)
      .waitFor();

    await page.getByLabel(/^Put this event/).fill(JSON.stringify({ source: 'aws.s3', 'detail-type': 'X', detail: {} }));
    await page.getByRole('button', { name: 'Put event' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('NotAuthorizedForSourceException');
    await expectFits(page, viewport.width, 'put event');
    await page.close();
  });

  it('adds, queries, edits and deletes an item of a table through the page', async () => {
    const table = `harbor-${ENV}-orders-prices`;
    const sku = `CONSOLE-UI-${name.toUpperCase()}-${randomUUID().slice(0, 6).toUpperCase()}`;
    const page = await open('tables', viewport);
    const choose = page.getByLabel('Table', { exact: true });
    await choose.waitFor();
    await choose.selectOption(table);
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByLabel('New item (JSON)').fill(JSON.stringify({ sku, note: 'added from the console' }));
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('status').getByText('Item added').waitFor();

    await page.getByLabel('Partition key value').fill(sku);
    await page.getByRole('button', { name: 'Query', exact: true }).click();
    const items = page.getByRole('table', { name: `Items of ${table}` });
    await items.getByText('added from the console').waitFor();
    // Adding reloads the whole page of items, which shows the new one too: wait for the query's answer to replace it.
    await items.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await items.locator('tbody tr').count()).toBe(1);
    await expectFits(page, viewport.width, 'tables');
    await screenshot(page, `${name}-tables-query`);

    await page.getByRole('button', { name: `Edit ${JSON.stringify({ sku })}` }).click();
    await page.getByLabel('Item (JSON)').fill(JSON.stringify({ sku, note: 'edited from the console' }));
    await page.getByRole('button', { name: 'Save item' }).click();
    await items.getByText('edited from the console').waitFor();
    const stored = await localJson<{ items: { note?: string }[] }>(`/tables/${table}/query?pk=${sku}`);
    expect(stored.items).toEqual([{ sku, note: 'edited from the console' }]);

    // Adding over an existing key is refused, and the item stays as it was.
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByLabel('New item (JSON)').fill(JSON.stringify({ sku, note: 'overwrite?' }));
    await page.getByRole('button', { name: 'Add item' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('already');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: `Delete ${JSON.stringify({ sku })}` }).click();
    await page
      .getByRole('status')
      .getByText(/^Deleted/)
      .waitFor();
    await page.getByText('No items.').waitFor();
    expect((await localJson<{ items: unknown[] }>(`/tables/${table}/query?pk=${sku}`)).items).toEqual([]);
    await page.close();
  });

  it('filters the flow by text and errors, and finds a log line across every function', async () => {
    const sku = `CONSOLE-FLOW-${name.toUpperCase()}-${randomUUID().slice(0, 6).toUpperCase()}`;
    await putOnSale(cloud, sku);
    // A flow of another kind: the gateway refuses a request without a token (401, an error hop).
    expect((await fetch(`${cloud.restApi}/orders`)).status).toBe(401);
    const page = await open('flow', viewport);
    await page.getByText('Stream live').waitFor();
    const rows = page.getByRole('listbox', { name: 'Flows, newest first' }).getByRole('option');
    await rows.first().waitFor();
    const total = Number(await page.getByLabel('Flow count').textContent());

    const filters = page.getByRole('search', { name: 'Filter flows' });
    await filters.getByLabel('Function').selectOption('catalog.putProduct');
    await eventually(async () =>
      expect(Number(await page.getByLabel('Matching flow count').textContent())).toBeGreaterThan(0),
    );
    const matching = Number(await page.getByLabel('Matching flow count').textContent());
    expect(matching).toBeLessThan(total);
    await filters.getByLabel('Function').selectOption('');
    await filters.getByLabel('HTTP status').fill('401');
    await eventually(async () =>
      expect(Number(await page.getByLabel('Matching flow count').textContent())).toBeGreaterThan(0),
    );
    await filters.getByLabel('HTTP status').fill('');
    await filters.getByLabel('Text').fill('catalog/products');
    await eventually(async () =>
      expect(Number(await page.getByLabel('Matching flow count').textContent())).toBeGreaterThan(0),
    );
    expect(Number(await page.getByLabel('Matching flow count').textContent())).toBeLessThan(total);
    await filters.getByLabel('Text').fill('');
    await filters.getByLabel('Errors only').check();
    await rows.first().waitFor();
    for (const row of await rows.all()) expect(await row.getAttribute('aria-label')).toContain('error');
    await filters.getByLabel('Errors only').uncheck();
    await expectFits(page, viewport.width, 'flow filters');

    const { logs } = await localJson<{ logs: { line: string }[] }>('/logs');
    const line = logs.at(-1)?.line ?? '';
    const needle = line.slice(Math.floor(line.length / 2), Math.floor(line.length / 2) + 12);
    await page.getByLabel('Log text').fill(needle);
    await page.getByRole('button', { name: 'Search logs' }).click();
    const results = page.getByRole('list', { name: 'Log search results' });
    await results.waitFor();
    expect(await results.textContent()).toContain(needle);
    await expectFits(page, viewport.width, 'log search');
    await screenshot(page, `${name}-flow-filters`);
    await page.close();
  });
});
