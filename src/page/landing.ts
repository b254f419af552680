import { createHash } from 'node:crypto';
import type { ArticleContext } from '../answers/context.js';
import { shippedArticle } from '../dispatch/deps.js';
import { inviteLinks } from '../invite/links.js';
import { withoutInvisibleMarks } from '../replies/markdown.js';
import { sourceLine } from '../replies/source-line.js';
import { EXAMPLE_QUESTIONS, examples, type Example } from './examples.js';
import { escapeHtml } from './html.js';
import { accentRules, messageCard } from './message-card.js';
import { PAGE_STYLE } from './style.js';

export interface LandingPageOptions {
  /** The application's id (checked by the caller, see src/invite/application-id.ts): the invite links name it. */
  readonly applicationId: string;
  /** The article and its search; the shipped ones unless given. */
  readonly context?: ArticleContext;
  /** The questions shown answered; the usual examples unless given. */
  readonly questions?: readonly string[];
}

export interface LandingPage {
  readonly html: string;
  /** A strong validator of `html`, quoted as the ETag header wants it. */
  readonly etag: string;
  /** What the page may load: nothing but its own stylesheet and its icon. */
  readonly contentSecurityPolicy: string;
  /** The examples as drawn, for whoever checks the page against the bot's replies. */
  readonly examples: readonly Example[];
}

const BOT_NAME = 'policy-bot';
/** A ¶ drawn as the tab's icon, inline, so the browser asks the server for no favicon. */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#4752c4"/><text x="16" y="24" font-size="22" text-anchor="middle" fill="#fff" font-family="serif">¶</text></svg>',
)}`;

const sha256 = (text: string, encoding: 'base64' | 'base64url'): string =>
  createHash('sha256').update(text).digest(encoding);

function exampleHtml({ question, reply }: Example): string {
  return [
    '<figure class="exchange">',
    `<figcaption class="asked"><span class="command">/ask</span> <span class="option">question:</span> ${escapeHtml(withoutInvisibleMarks(question))}</figcaption>`,
    messageCard(reply, BOT_NAME),
    '</figure>',
  ].join('');
}

/**
 * The page a browser gets at `/`: what the bot does, questions answered as the bot answers
 * them, the two invite links `npm run invite` prints, and where its privacy policy and terms
 * are. Made once at start-up; it needs no script and loads nothing from elsewhere.
 */
export function landingPage(options: LandingPageOptions): LandingPage {
  const context = options.context ?? shippedArticle();
  const shown = examples(options.questions ?? EXAMPLE_QUESTIONS, context);
  const links = inviteLinks(options.applicationId);
  const headline = context.corpus.source.headline.text;
  const publisher = context.corpus.source.publisher.name;
  const style = PAGE_STYLE + accentRules(shown.map((example) => example.reply));
  const contentSecurityPolicy = [
    "default-src 'none'",
    `style-src 'sha256-${sha256(style, 'base64')}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const description = `A Discord bot that answers questions about one article, “${headline}”, with the article's own words, quoted and cited.`;

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}">
<title>${BOT_NAME}: answers from one article, in its own words</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="icon" href="${escapeHtml(ICON)}">
<style>${style}</style>
</head>
<body>
<div class="page">
<header>
<h1>${BOT_NAME}</h1>
<p class="lead">A Discord bot that answers questions about one article with the article's own words, every quote cited by paragraph and sentence (¶4.2 is paragraph 4, sentence 2). When the article does not say, the bot says so.</p>
<p class="article">The article: “${escapeHtml(headline)}”, from ${escapeHtml(publisher)}.</p>
<p>Ask it with <strong>/ask</strong> in a server or in a direct message.</p>
<div class="invite">
<div class="invite-choice"><a class="invite-link primary" href="${escapeHtml(links.server)}">Add to a server</a><p>For a server where you have Manage Server.</p></div>
<div class="invite-choice"><a class="invite-link secondary" href="${escapeHtml(links.user)}">Install for yourself</a><p>Use its commands in every server, DM and group DM.</p></div>
</div>
</header>
<main>
<h2>Questions, and the bot’s replies</h2>
<p class="examples-note">Each reply below was made by the bot as it started, by the code that answers on Discord.</p>
${shown.map(exampleHtml).join('\n')}
</main>
<footer>
<nav aria-label="Policies"><a href="/privacy">Privacy policy</a><a href="/terms">Terms of use</a></nav>
<p>${escapeHtml(sourceLine(context.corpus, 'en'))}</p>
</footer>
</div>
</body>
</html>
`;
  return { html, etag: `"${sha256(html, 'base64url').slice(0, 32)}"`, contentSecurityPolicy, examples: shown };
}
