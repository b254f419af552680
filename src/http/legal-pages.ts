import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../page/html.js';
import { markdownToHtml } from './markdown.js';
import type { Page, PageHandler, PageSettings } from './pages.js';

const ROOT = new URL('../../', import.meta.url);

/** Where each document is served, for the links between them. */
const SERVED_AT: Readonly<Record<string, string>> = { 'PRIVACY.md': '/privacy', 'TERMS.md': '/terms' };

/** Said where the contact goes when the operator has not set one. */
export const NO_CONTACT = 'not given yet (the operator has not set PRIVACY_CONTACT)';

/** The document's text with the operator's contact filled in, and the notes for operators left out. */
export function filledDocument(file: string, settings: PageSettings): string {
  const text = readFileSync(fileURLToPath(new URL(file, ROOT)), 'utf8');
  const contact = settings.privacyContact?.trim() || NO_CONTACT;
  return text.replace(/<!--[\s\S]*?-->\n*/g, '').replaceAll('{{PRIVACY_CONTACT}}', contact);
}

function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} — policy-bot</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#222}code{font-size:.9em}</style>',
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * PRIVACY.md or TERMS.md as the Privacy Policy and Terms of Service URLs show them: simple HTML
 * (or the Markdown itself, for a client that asks for text/markdown), the contact filled in, the
 * operators' notes left out. Read and rendered once, at start.
 */
export function legalPage(file: string, title: string, settings: PageSettings): PageHandler {
  const markdown = filledDocument(file, settings);
  const html: Page = {
    status: 200,
    type: 'text/html; charset=utf-8',
    body: htmlPage(title, markdownToHtml(markdown, SERVED_AT)),
    // Text and one inline style: nothing else may load or run.
    headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
  };
  const raw: Page = { status: 200, type: 'text/markdown; charset=utf-8', body: markdown };
  return ({ accept }) => (/text\/markdown/.test(accept) && !/text\/html/.test(accept) ? raw : html);
}
