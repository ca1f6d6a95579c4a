import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { pageScrollWidth, screenshot } from './support/console-page';
import { eventually, localCloudForConsoleTests, type LocalCloudChild } from './support/local-cloud-child';

/**
 * The flow's hop payloads and the invoke form in a real Chromium against `npm start`'s own program, at a desktop
 * width and on a 390 px phone: a request's hops show what they carried (credentials redacted), an invocation is
 * replayed from its hop, and a function is invoked with an edited sample event; each run is a new flow.
 */
jest.setTimeout(240_000);

const WIDTHS = [1280, 390] as const;

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

const openConsole = async (view: string, width: number): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${cloud.aws}/#/${view}`);
  return page;
};

const text = async (page: Page, label: string): Promise<string> => {
  const element = page.getByLabel(label, { exact: true }).first();
  await element.waitFor();
  return (await element.textContent()) ?? '';
};

/** A request the REST API refuses before any function runs would carry no invoke hop: GET /orders/{id} runs one. */
async function requestWithSecret(correlationId: string): Promise<void> {
  const response = await fetch(`${cloud.restApi}/orders/${randomUUID()}`, {
    headers: { authorization: 'not-a-valid-token-SECRET', 'x-correlation-id': correlationId },
  });
  await response.text();
}

describe.each(WIDTHS)('hop payloads and the invoke form at %i px', (width) => {
  it('shows what an http hop carried, with the authorization header redacted', async () => {
    const correlationId = `payload-${width}-${randomUUID()}`;
    const flow = await openConsole('flow', width);
    await flow.getByText('Stream live').waitFor();
    await requestWithSecret(correlationId);
    await flow.getByRole('option', { name: new RegExp(correlationId) }).click();
    const timeline = flow.getByRole('list', { name: 'Hops of this flow' });
    await timeline
      .getByRole('button', { name: /^Hop http / })
      .first()
      .click();
    const request = await text(flow, 'Payload request');
    expect(request).toContain(correlationId);
    expect(request).toContain('[redacted]');
    expect(request).not.toContain('SECRET');
    expect(await text(flow, 'Payload response')).toMatch(/"status": \d{3}/);
    expect(await pageScrollWidth(flow)).toBeLessThanOrEqual(width);
    await screenshot(flow, `hop-payload-${width}`);
    await flow.close();
  });

  it('invokes a function with an edited sample event, then replays it from the flow', async () => {
    const page = await openConsole('invoke', width);
    await page.getByLabel('Function', { exact: true }).selectOption('orders.getOrder');
    await page.getByLabel('Sample event', { exact: true }).selectOption('apigateway-rest');
    const editor = page.getByLabel('Event (JSON)', { exact: true });
    await eventually(async () => expect(await editor.inputValue()).toContain('"httpMethod": "GET"'));
    const orderId = `missing-${randomUUID()}`;
    await editor.fill((await editor.inputValue()).replace('"orderId": "o-1"', `"orderId": "${orderId}"`));
    await page.getByRole('button', { name: 'Invoke' }).click();
    const result = await text(page, 'Invocation result');
    expect(result).toContain('orders.getOrder');
    const correlationId = /new flow ([0-9a-f-]{36})/.exec(result)?.[1];
    expect(correlationId).toBeDefined();
    // The handler answered for the edited path parameter, not the sample's.
    expect(await text(page, 'Invocation result payload')).toMatch(/"statusCode": 4\d\d/);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(width);
    await screenshot(page, `invoke-${width}`);

    // The invocation is a flow of its own; replay it from its hop.
    await page.goto(`${cloud.aws}/#/flow`);
    await page.getByRole('option', { name: new RegExp(correlationId ?? 'no correlation id') }).click();
    await page
      .getByRole('list', { name: 'Hops of this flow' })
      .getByRole('button', { name: /^Hop invoke / })
      .first()
      .click();
    expect(await text(page, 'Payload event')).toContain(orderId);
    await page.getByRole('button', { name: 'Replay this invocation' }).click();
    const replayed = await text(page, 'Invocation result');
    const replayId = /new flow ([0-9a-f-]{36})/.exec(replayed)?.[1];
    expect(replayId).toBeDefined();
    expect(replayId).not.toBe(correlationId);
    await page.getByRole('option', { name: new RegExp(replayId ?? 'no replay id') }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
