import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** CI installs Debian's chromium here; playwright-core drives it without downloading a browser of its own. */
export const CHROMIUM = process.env['HARBOR_CHROMIUM'] ?? '/usr/bin/chromium';

/** A headless Chromium, or a failure saying how to get one: the console's tests never skip silently. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or point HARBOR_CHROMIUM at one. The console's browser tests need a real browser.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
