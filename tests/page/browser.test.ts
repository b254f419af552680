import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPage, type LandingPage } from '../../src/page/landing.js';
import { landingResponse } from '../../src/page/response.js';
import { citationsOf, readQuotes } from '../../src/replies/quote-markdown.js';
import { runScript } from '../support/run-script.js';

/** Debian's Chromium: `.ci/run` installs it when it is missing. */
const CHROMIUM = '/usr/bin/chromium';
const APPLICATION_ID = '123456789012345678';
/** Where the screenshots go, to be looked at: gitignored, overwritten by each run. */
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/page/', import.meta.url));

const missing = !existsSync(CHROMIUM);
if (missing)
  console.warn(
    `The landing page's browser test did NOT run: ${CHROMIUM} is missing. Install Debian's Chromium (apt-get install chromium) to run it.`,
  );

/**
 * Serves the page at `/` as the HTTP transport does, on a free port. To test the transport
 * itself, start it here instead and return its address.
 */
async function servePage(page: LandingPage): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const { status, type, body, headers } = landingResponse(page, request.headers['if-none-match']);
    response.writeHead(status, { ...headers, 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The two links `npm run invite` prints for the application id, in the order it prints them. */
async function printedInviteLinks(): Promise<string[]> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('DISCORD_')));
  const run = await runScript('scripts/invite.ts', [], { ...env, DISCORD_CLIENT_ID: APPLICATION_ID });
  expect(run.code, run.stderr).toBe(0);
  return [...run.stdout.matchAll(/^\s+(https:\/\/\S+)$/gm)].map((m) => m[1]!);
}

/** Width and height of a PNG, from its header. */
function pngSize(file: string): { readonly width: number; readonly height: number } {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(missing)('the landing page in Chromium', () => {
  const page = landingPage({ applicationId: APPLICATION_ID });
  let served: Awaited<ReturnType<typeof servePage>>;
  let profile: string;
  let browser: BrowserContext;
  /** Everything the browser reported going wrong while loading the page. */
  const problems: string[] = [];
  let tab: Page;

  beforeAll(async () => {
    served = await servePage(page);
    profile = mkdtempSync(join(tmpdir(), 'policy-bot-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 390, height: 844 },
    });
    tab = browser.pages()[0] ?? (await browser.newPage());
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
    });
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    tab.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    const response = await tab.goto(served.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads with no console error, failed request or script error', async () => {
    expect(await tab.title()).toMatch(/^policy-bot: /);
    expect(await tab.locator('html').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
  });

  it('holds the links `npm run invite` prints in its two invite buttons', async () => {
    const [server, user] = await printedInviteLinks();
    expect(server).toMatch(/^https:\/\/discord\.com\//);
    expect(await tab.getByRole('link', { name: 'Add to a server' }).getAttribute('href')).toBe(server);
    expect(await tab.getByRole('link', { name: 'Install for yourself' }).getAttribute('href')).toBe(user);
    expect(await tab.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
    expect(await tab.getByRole('link', { name: 'Terms of use' }).getAttribute('href')).toBe('/terms');
  }, 30_000);

  it('shows every example reply with its ¶N.S citations and its quotes word for word', async () => {
    const figures = tab.locator('figure.exchange');
    expect(await figures.count()).toBe(page.examples.length);
    for (const [i, example] of page.examples.entries()) {
      const figure = figures.nth(i);
      const description = example.reply.embeds[0]?.description ?? '';
      const citations = citationsOf(description);
      expect(
        citations.some((citation) => /^¶\d+\.\d+$/.test(citation)),
        example.question,
      ).toBe(true);
      const text = await figure.innerText();
      for (const citation of citations) expect(text, example.question).toContain(`— ${citation}`);
      const quotes = await figure.locator('blockquote').allInnerTexts();
      expect(quotes, example.question).toEqual(readQuotes(description).map((quote) => quote.text));
    }
  });

  it('fits 360 px without scrolling sideways', async () => {
    await tab.setViewportSize({ width: 360, height: 740 });
    // A string, evaluated in the page: this project's types hold no DOM.
    const widths = await tab.evaluate<{ page: number; window: number }>(
      '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
    );
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.window).toBe(360);
  });

  it('is photographed at a phone and a desktop width', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      await tab.setViewportSize(viewport);
      const file = join(SCREENSHOTS, `${name}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      const size = pngSize(file);
      expect(size.width, name).toBe(viewport.width);
      expect(size.height, name).toBeGreaterThanOrEqual(viewport.height);
    }
    expect(problems).toEqual([]);
  }, 30_000);
});
