import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CONTACT } from '../../src/http/legal-pages.js';
import { markdownToHtml, slugOf } from '../../src/http/markdown.js';
import { startEndpoint, type Endpoint } from './support.js';

const CONTACT = 'privacy@policy-bot.example';

let endpoint: Endpoint;
beforeAll(async () => {
  endpoint = await startEndpoint({
    privacyContact: CONTACT,
    pages: { '/hello': () => ({ status: 200, type: 'text/plain; charset=utf-8', body: 'a page of its own\n' }) },
  });
});
afterAll(async () => {
  await endpoint?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${endpoint.base}${path}`, { headers });

describe('/privacy and /terms', () => {
  it.each([
    ['/privacy', 'Privacy policy'],
    ['/terms', 'Terms of use'],
  ])('%s is a simple HTML page of the document, naming the operator’s contact', async (path, heading) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<h1 id="${slugOf(heading)}">${heading}</h1>`);
    expect(html).toContain(`<strong>${CONTACT}</strong>`);
    expect(html).not.toContain('{{');
    // The notes for operators stay in the file.
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('Operators:');
    // Every anchor it links to is a heading of the page.
    for (const [, anchor] of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${anchor}"`);
  });

  it('links the two documents to each other where they are served', async () => {
    const terms = await (await get('/terms')).text();
    expect(terms).toContain('<a href="/privacy">PRIVACY.md</a>');
    expect(terms).toContain('<a href="https://discord.com/terms">Terms of Service</a>');
  });

  it('gives the Markdown itself to a client that asks for it, contact filled in', async () => {
    const response = await get('/privacy', { accept: 'text/markdown' });
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdown = await response.text();
    expect(markdown).toMatch(/^# Privacy policy\n/);
    expect(markdown).toContain(`**${CONTACT}**`);
    expect(markdown).not.toContain('<!--');
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await fetch(`${endpoint.base}/terms`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await response.text()).toBe('');
  });

  it('says so plainly where no contact was set', async () => {
    const bare = await startEndpoint();
    try {
      const html = await (await fetch(`${bare.base}/privacy`)).text();
      expect(html).toContain(`<strong>${NO_CONTACT}</strong>`);
    } finally {
      await bare.stop();
    }
  });
});

it('serves a page added to the table', async () => {
  const response = await get('/hello');
  expect([response.status, await response.text()]).toEqual([200, 'a page of its own\n']);
});

describe('the Markdown it reads', () => {
  it('escapes every character of the text, and keeps code as it is written', () => {
    expect(markdownToHtml('a <script>alert("x")</script> & `<b>**not bold**</b>`')).toBe(
      '<p>a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <code>&lt;b&gt;**not bold**&lt;/b&gt;</code></p>\n',
    );
  });

  it('links only to the web, an anchor, or a page it is told of', () => {
    const html = markdownToHtml(
      '[a](https://discord.com/privacy) [b](#logs) [c](TERMS.md) [d](javascript:alert(1)) [e](other.md)',
      { 'TERMS.md': '/terms' },
    );
    expect(html).toBe(
      '<p><a href="https://discord.com/privacy">a</a> <a href="#logs">b</a> <a href="/terms">c</a> [d](javascript:alert(1)) [e](other.md)</p>\n',
    );
  });

  it('reads headings, paragraphs wrapped over lines, and lists whose items wrap', () => {
    const html = markdownToHtml(
      '## In memory, while the bot runs\n\nOne line\nand the next.\n\n- **Fair use.** Six answers\n  per 30 seconds.\n- Recent answers.\n\n1. First.\n2. Second,\n   wrapped.\n',
    );
    expect(html).toBe(
      [
        '<h2 id="in-memory-while-the-bot-runs">In memory, while the bot runs</h2>',
        '<p>One line\nand the next.</p>',
        '<ul>\n<li><strong>Fair use.</strong> Six answers\nper 30 seconds.</li>\n<li>Recent answers.</li>\n</ul>',
        '<ol>\n<li>First.</li>\n<li>Second,\nwrapped.</li>\n</ol>',
        '',
      ].join('\n'),
    );
  });
});

describe('/', () => {
  it('serves the landing page drawn at start-up, its policy as a header, and 304 to a browser holding it', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; .*frame-ancestors 'none'$/);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('href="/privacy"');
    expect(html).toContain('/ask');

    const again = await get('/', { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/', { 'if-none-match': '"another"' })).status).toBe(200);
  });
});
