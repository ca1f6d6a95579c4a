import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots land in the workspace's git-ignored tmp/. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../../../../../tmp/console-screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The page is no wider than the screen: nothing scrolls sideways but boxes meant to. */
export const pageScrollWidth = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

/** Milliseconds from navigation start to the first paint of a filled flow list (the console's own mark). */
export async function flowListRenderedAt(page: Page, timeoutMs = 10_000): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('flow-list-rendered').length > 0, undefined, {
    timeout: timeoutMs,
  });
  return page.evaluate(() => performance.getEntriesByName('flow-list-rendered')[0]?.startTime ?? Number.NaN);
}
