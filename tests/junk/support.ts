/**
 * Junk a person (or a hand-edited custom_id) can send, and the rules every message built from it
 * must keep. Shared by the property tests in this folder and by tests/faults.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { AnswerContext } from '../../src/answers/context.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import * as rules from '../../src/replies/payload-rules.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../../src/replies/render.js';
import { sourceLine } from '../../src/replies/source-line.js';
import { articleSearch } from '../../src/search/search.js';
import type { Site } from '../support/discord-json.js';

/** One seed for every property here: a failure replays the same way on every machine. */
export const SEED = 0x5eed_2024;

/** The article as shipped: every block-quote line must be found in it, verbatim. */
export const ARTICLE_TEXT = readFileSync(new URL('../../corpus/article.txt', import.meta.url), 'utf8');

export const corpus = loadCorpus();
export const search = articleSearch();
export const footer = sourceLine(corpus, 'en');
export const context: AnswerContext = { corpus, search, language: 'en' };

export const EMOJI = ['😀', '👍🏽', '👩🏿‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '❤️', '🧑🏻‍🤝‍🧑🏿', '#️⃣', '🫠', '👋🏼'];
export const RTL = [
  '\u202E',
  '\u202D',
  '\u202B',
  '\u202C',
  '\u2067',
  '\u2069',
  '\u200F',
  '\u061C',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Ecadres\u202C',
];
export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u034F'];
export const CONTROL = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
];
export const SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800', 'a\uD83D', '\uDE00b'];
export const CHINESE = ['干部', '吉林省委组织部', '选人用人', '“五个更加”', '狮子型', '羊群', '容错纠错', '能上能下'];
export const MENTIONS = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '@@everyone',
  '<<@123456789012345678>>',
];
export const MARKUP = [
  '[x](http://evil.example)',
  '[click](<https://evil.example/a_b>)',
  '**',
  '__',
  '||',
  '`',
  '```',
  '~~',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '1. ',
  '\\',
  '*',
  '_',
  '<t:0:R>',
  '<:emoji:123456789012345678>',
  '<a:dance:123456789012345678>',
  'https://evil.example/a__b__',
  '@',
  '<',
  ':',
  '\n',
  '\r\n',
  '…',
];
export const ARTICLE_WORDS = [
  'cadres',
  'who gets demoted?',
  'lion pack',
  'flock of sheep',
  'baton',
  'reform',
  'Wang Qi',
  'five more',
  'promote',
  'tolerance',
  '¶3',
  'Jilin',
  'help',
  'hi',
];
export const PIECES = [
  ...EMOJI,
  ...RTL,
  ...ZERO_WIDTH,
  ...CONTROL,
  ...SURROGATES,
  ...CHINESE,
  ...MENTIONS,
  ...MARKUP,
  ...ARTICLE_WORDS,
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

/** A run of pieces, sometimes one, sometimes a long mix. */
const mixed = fc
  .array(fc.tuple(piece, fc.constantFrom('', ' ', ' ', '\n', '\t')), { maxLength: 40 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

/** Up to 6000 characters: one piece repeated, cut anywhere (even inside a surrogate pair). */
const long = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...PIECES, 'a', 'word '),
      mixed.filter((s) => s.length > 0),
    ),
    fc.integer({ min: 150, max: 6000 }),
  )
  .map(([p, n]) => p.repeat(Math.ceil(n / Math.max(1, p.length))).slice(0, n));

/** Anything at all, unbounded by Discord: up to 6000 characters. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mixed },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii' }) },
  { weight: 2, arbitrary: long },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '\u200B', '\uD800', 'x'.repeat(6000), '😀'.repeat(3000), '干'.repeat(6000)),
  },
);

/** The sentences of the article, each split into words, for queries that do find something. */
const SENTENCES = corpus.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));

/** Some of the article's words, in order, with junk between them: a query that half-answers. */
export const articleish: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SENTENCES), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.array(piece, { maxLength: 4 }))
  .map(([sentence, at, n, noise]) => {
    const words = sentence.split(' ');
    const start = at % words.length;
    const chosen = words.slice(start, start + n);
    noise.forEach((p, i) => chosen.splice((i * 2) % (chosen.length + 1), 0, p));
    return chosen.join(' ');
  });

/** What Discord lets through an option with `max_length: 200`: the first 200 characters. */
export const asDiscordSends = (text: string): string => [...text].slice(0, 200).join('');

/** Free text as a string option would deliver it. */
export const typed: fc.Arbitrary<string> = fc
  .oneof({ weight: 3, arbitrary: junk }, { weight: 2, arbitrary: articleish })
  .map(asDiscordSends);

/** A Discord id: decimal digits, 17 to 19 of them. */
export const snowflake: fc.Arbitrary<string> = fc
  .bigInt({ min: 10n ** 16n, max: 9_223_372_036_854_775_807n })
  .map(String);

/** Who uses a command, and where: a server (as a moderator or not, installed there or not), or a DM. */
export const site: fc.Arbitrary<Site> = fc.oneof(
  fc.record({ userId: snowflake }),
  fc.record({
    userId: snowflake,
    guildId: snowflake,
    channelId: snowflake,
    permissions: fc.constantFrom(0n, 0x20n, 0x8n, 0x800n),
    userInstall: fc.boolean(),
  }),
);

export interface RenderVariant {
  readonly ephemeral: boolean;
  readonly shareable: boolean;
  readonly notice?: string;
}

/** How the dispatcher may lay out a reply: public or ephemeral, with Share, with a notice. */
export const renderVariant: fc.Arbitrary<RenderVariant> = fc.record(
  {
    ephemeral: fc.boolean(),
    shareable: fc.boolean(),
    notice: fc.constantFrom(
      'In this server I answer publicly elsewhere; here only you see my answers.',
      'word '.repeat(500),
    ),
  },
  { requiredKeys: ['ephemeral', 'shareable'] },
);

export function render(reply: Reply, variant: RenderVariant = { ephemeral: false, shareable: false }): MessagePayload {
  return isProblem(reply) ? renderProblem(reply) : renderAnswer(reply, { language: 'en', footer, ...variant });
}

/** The one checker of src/replies/payload-rules.ts, against the shipped article. */
export function payloadProblems(payload: rules.MessageBody, allowed?: ReadonlySet<string>): string[] {
  return rules.payloadProblems(payload, corpus.article, allowed);
}

/** The custom_ids of a message's buttons. */
export function customIds(payload: rules.MessageBody): string[] {
  return rules
    .buttonRows(payload)
    .flatMap(({ buttons }) => buttons.flatMap((b) => ('custom_id' in b ? [b.custom_id] : [])));
}

export const { limitProblems, mentionProblems, texts } = rules;

export function quoteProblems(payload: rules.MessageBody): string[] {
  return rules.quoteProblems(payload, corpus.article);
}
