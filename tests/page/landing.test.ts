import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/question.js';
import { shippedArticle } from '../../src/dispatch/deps.js';
import { inviteLinks } from '../../src/invite/links.js';
import { EXAMPLE_QUESTIONS } from '../../src/page/examples.js';
import { landingPage } from '../../src/page/landing.js';
import { messageCard } from '../../src/page/message-card.js';
import { landingResponse } from '../../src/page/response.js';
import { isProblem } from '../../src/replies/answer.js';
import { citationsOf, readQuotes } from '../../src/replies/quote-markdown.js';
import { renderAnswer } from '../../src/replies/render.js';
import { sourceLine } from '../../src/replies/source-line.js';
import { attributesOf, tagsOf, textOf } from './html-text.js';

const APPLICATION_ID = '123456789012345678';
const context = shippedArticle();
/** The page is English: its examples are asked as an English-speaking member asks. */
const english = { ...context, language: 'en' } as const;
const page = landingPage({ applicationId: APPLICATION_ID, context });

/** Each example's figure, in the order shown. */
const figures = (html: string): string[] =>
  html
    .split('<figure class="exchange">')
    .slice(1)
    .map((rest) => rest.slice(0, rest.indexOf('</figure>')));

const hrefOf = (html: string, label: string): string | undefined => {
  const match = new RegExp(`<a class="invite-link[^"]*" href="([^"]*)">${label}</a>`).exec(html);
  return match ? textOf(match[1]!) : undefined;
};

describe('the landing page', () => {
  it('is an English page with a title, a description, a phone viewport and no script', () => {
    expect(page.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.html).toMatch(/<title>policy-bot: [^<]+<\/title>/);
    expect(page.html).toMatch(/<meta name="description" content="A Discord bot that answers questions [^"]+">/);
    expect(page.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(tagsOf(page.html)).not.toContain('script');
  });

  it("shows each example as the bot answers it: the same reply builders, the article's search", () => {
    expect(page.examples.map((example) => example.question)).toEqual(EXAMPLE_QUESTIONS);
    const shown = figures(page.html);
    expect(shown).toHaveLength(EXAMPLE_QUESTIONS.length);
    EXAMPLE_QUESTIONS.forEach((question, i) => {
      const reply = answerQuestion(question, english);
      if (isProblem(reply)) throw new Error(`“${question}” is answered with a problem: ${reply.problem}`);
      const payload = renderAnswer(reply, { language: 'en', footer: sourceLine(context.corpus, 'en') });
      expect(page.examples[i]!.reply).toEqual(payload);
      expect(shown[i]).toContain(messageCard(payload, 'policy-bot'));
    });
  });

  it("holds every example reply's citations, each quote word for word, and at least one ¶N.S each", () => {
    figures(page.html).forEach((figure, i) => {
      const description = page.examples[i]!.reply.embeds[0]?.description ?? '';
      const citations = citationsOf(description);
      expect(
        citations.filter((citation) => /^¶\d+\.\d+$/.test(citation)),
        EXAMPLE_QUESTIONS[i],
      ).not.toEqual([]);
      const text = textOf(figure);
      for (const citation of citations) expect(text).toContain(`— ${citation}`);
      const quoted = [...figure.matchAll(/<blockquote>(.*?)<\/blockquote>/g)].map((m) => textOf(m[1]!));
      expect(quoted).toEqual(readQuotes(description).map((quote) => quote.text));
    });
  });

  it('offers the two invite links `npm run invite` prints, and links to the privacy policy and terms', () => {
    const links = inviteLinks(APPLICATION_ID);
    expect(hrefOf(page.html, 'Add to a server')).toBe(links.server);
    expect(hrefOf(page.html, 'Install for yourself')).toBe(links.user);
    expect(page.html).toContain('<a href="/privacy">');
    expect(page.html).toContain('<a href="/terms">');
  });

  it("allows only its own stylesheet, by the stylesheet's hash", () => {
    const style = /<style>([^<]*)<\/style>/.exec(page.html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page.contentSecurityPolicy).toContain(`style-src 'sha256-${hash}'`);
    expect(page.contentSecurityPolicy).toContain("default-src 'none'");
    expect(page.html).toContain(`content="${page.contentSecurityPolicy.replaceAll("'", '&#39;')}"`);
    // Inline style attributes would need 'unsafe-inline': the page has none.
    expect(attributesOf(page.html)).not.toContain('style');
  });
});

describe('hostile questions on the page', () => {
  const HOSTILE = [
    '<script>alert("x")</script> who gets demoted?',
    '"><img src=x onerror=alert(1)> what is a lion pack?',
    "' onmouseover='alert(1)' **bold** [x](http://evil) @everyone",
    '\u202Ewho gets demoted\u2066?',
  ];
  const hostile = landingPage({ applicationId: APPLICATION_ID, context, questions: HOSTILE });

  it('are shown as text: no tag, attribute or direction mark of theirs reaches the page', () => {
    const body = hostile.html.slice(hostile.html.indexOf('<main>'), hostile.html.indexOf('</main>'));
    const allowed = [
      'main',
      'h2',
      'p',
      'figure',
      'figcaption',
      'span',
      'div',
      'h3',
      'br',
      'blockquote',
      'strong',
      'em',
      'u',
      's',
      'code',
    ];
    expect(tagsOf(body).filter((tag) => !allowed.includes(tag))).toEqual([]);
    expect(new Set(attributesOf(body))).toEqual(new Set(['class']));
    expect(body).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; who gets demoted?');
  });

  it('keep their words readable in the caption and the reply title', () => {
    const [first] = figures(hostile.html);
    expect(textOf(first!).replace(/\u200B/g, '')).toContain('“<script>alert("x")</script> who gets demoted?”');
  });
});

describe('the page as served', () => {
  it('has an ETag that changes with the page, and answers 304 to a browser that holds it', () => {
    const other = landingPage({ applicationId: '876543210987654321', context });
    expect(page.etag).toMatch(/^"[\w-]{20,}"$/);
    expect(landingPage({ applicationId: APPLICATION_ID, context }).etag).toBe(page.etag);
    expect(other.etag).not.toBe(page.etag);

    const fresh = landingResponse(page);
    expect(fresh).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: page.html });
    expect(fresh.headers).toMatchObject({ etag: page.etag, 'cache-control': 'no-cache' });
    expect(fresh.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    for (const held of [page.etag, `W/${page.etag}`, `"old", ${page.etag}`, '*'])
      expect(landingResponse(page, held), held).toMatchObject({ status: 304, body: '' });
    expect(landingResponse(page, other.etag).status).toBe(200);
  });
});
