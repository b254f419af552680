/**
 * Junk a person (or a hand-edited custom_id) can send, and the rules every message built from it
 * must keep. Shared by the property tests in this folder and by tests/faults.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { CommandContext, Invocation } from '../../commands/command.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import { LIMITS } from '../../src/replies/limits.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../../src/replies/render.js';
import { sourceLine } from '../../src/replies/source-line.js';
import { articleSearch } from '../../src/search/search.js';

/** One seed for every property here: a failure replays the same way on every machine. */
export const SEED = 0x5eed_2024;

/** The article as shipped: every block-quote line must be found in it, verbatim. */
export const ARTICLE_TEXT = readFileSync(new URL('../../corpus/article.txt', import.meta.url), 'utf8');

export const corpus = loadCorpus();
export const search = articleSearch();
export const footer = sourceLine(corpus);
export const context: CommandContext = { corpus, search };

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

/** Who used a command, and where: a server, a DM, with channels resolved or not. */
export const invocation: fc.Arbitrary<Invocation> = fc.record({
  userId: snowflake,
  guildId: fc.option(snowflake, { nil: null }),
  channelId: fc.option(snowflake, { nil: null }),
  channels: fc
    .array(fc.tuple(snowflake, fc.integer({ min: 0, max: 16 })), { maxLength: 3 })
    .map((entries) => new Map(entries.map(([id, type]) => [id, { type }]))),
});

export interface RenderVariant {
  readonly ephemeral: boolean;
  readonly shareable: boolean;
  readonly notice?: string;
}

/** How the router may lay out a reply: public or ephemeral, with Share, with a notice. */
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
  return isProblem(reply) ? renderProblem(reply) : renderAnswer(reply, { footer, ...variant });
}

/** Every text a person reads in a message, with where it stands. */
export function texts(payload: MessagePayload): { where: string; text: string }[] {
  return [
    { where: 'content', text: payload.content ?? '' },
    ...payload.embeds.flatMap((e, i) => [
      { where: `embed ${i} title`, text: e.title ?? '' },
      { where: `embed ${i} description`, text: e.description ?? '' },
      { where: `embed ${i} footer`, text: e.footer?.text ?? '' },
      { where: `embed ${i} author`, text: e.author?.name ?? '' },
      ...(e.fields ?? []).flatMap((f, j) => [
        { where: `embed ${i} field ${j} name`, text: f.name },
        { where: `embed ${i} field ${j} value`, text: f.value },
      ]),
    ]),
    ...payload.components.flatMap((row, i) =>
      row.components.map((b, j) => ({
        where: `row ${i} button ${j} label`,
        text: 'label' in b ? (b.label ?? '') : '',
      })),
    ),
  ];
}

/** Discord's limits: what its API refuses with a 400. */
export function limitProblems(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) =>
    length > max && problems.push(`${what}: ${length} > ${max}`);
  over('content', (payload.content ?? '').length, LIMITS.content);
  over('embeds', payload.embeds.length, LIMITS.embeds);
  let total = 0;
  for (const embed of payload.embeds) {
    const fields = embed.fields ?? [];
    over('title', (embed.title ?? '').length, LIMITS.embedTitle);
    over('description', (embed.description ?? '').length, LIMITS.embedDescription);
    over('footer', (embed.footer?.text ?? '').length, LIMITS.footer);
    over('fields', fields.length, LIMITS.fields);
    for (const field of fields) {
      over('field name', field.name.length, LIMITS.fieldName);
      over('field value', field.value.length, LIMITS.fieldValue);
    }
    total +=
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.author?.name ?? '').length;
    total += fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  over('characters across embeds', total, LIMITS.embedsTotal);
  over('rows', payload.components.length, LIMITS.rows);
  const ids = new Set<string>();
  for (const row of payload.components) {
    over('buttons in a row', row.components.length, LIMITS.buttonsPerRow);
    if (row.components.length === 0) problems.push('an empty row');
    for (const button of row.components) {
      const label = 'label' in button ? (button.label ?? '') : '';
      if (label.length < 1 || label.length > LIMITS.buttonLabel)
        problems.push(`label of ${label.length}: “${label.slice(0, 40)}”`);
      const id = 'custom_id' in button ? button.custom_id : '';
      if (id.length < 1 || id.length > LIMITS.customId) problems.push(`custom_id of ${id.length}: ${id.slice(0, 40)}`);
      if (ids.has(id)) problems.push(`custom_id twice: ${id.slice(0, 40)}`);
      ids.add(id);
    }
  }
  return problems;
}

/**
 * No ping and no live mention. The bot writes mentions of its own only in /config (`<#channel>`,
 * `<@moderator>`), for ids it was given as ids: those exact tokens are `allowed`.
 */
export function mentionProblems(payload: MessagePayload, allowed: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  if (JSON.stringify(payload.allowed_mentions) !== JSON.stringify({ parse: [] }))
    problems.push(`allowed_mentions ${JSON.stringify(payload.allowed_mentions)}`);
  for (const { where, text } of texts(payload)) {
    const everyone = /@(everyone|here)/.exec(text);
    if (everyone)
      problems.push(
        `live ${everyone[0]} in ${where}: ${JSON.stringify(text.slice(Math.max(0, everyone.index - 30), everyone.index + 30))}`,
      );
    for (const mention of text.matchAll(/<(@[!&]?|#)/g)) {
      const token = /^<(?:@[!&]?|#)\d+>/.exec(text.slice(mention.index))?.[0];
      if (token === undefined || !allowed.has(token))
        problems.push(
          `live ${mention[0]} in ${where}: ${JSON.stringify(text.slice(mention.index, mention.index + 40))}`,
        );
    }
    const link = /(?<!\\)\[[^\]\n]*\]\(/.exec(text);
    if (link) problems.push(`masked link in ${where}: ${JSON.stringify(text.slice(link.index, link.index + 60))}`);
  }
  return problems;
}

const CITATION = /^— ¶(\d+)(?:\.(\d+))?$/;

/**
 * Every block-quote line (`> `), with `**` removed and split on `…`, is the article's own text;
 * when a citation closes the quote, the words are in the paragraph (or sentence) it names.
 */
export function quoteProblems(payload: MessagePayload): string[] {
  const problems: string[] = [];
  for (const { where, text } of texts(payload)) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('>')) continue;
      let end = i;
      while (lines[end + 1]?.startsWith('>')) end++;
      const cited = CITATION.exec(lines[end + 1] ?? '');
      const paragraph = cited ? corpus.article.paragraphs[Number(cited[1])] : undefined;
      const holder = cited?.[2] === undefined ? paragraph?.text : paragraph?.sentences[Number(cited[2]) - 1]?.text;
      if (cited && holder === undefined) problems.push(`citation to nothing in ${where}: ${lines[end + 1]}`);
      for (const line of lines.slice(i, end + 1)) {
        if (!line.startsWith('> ') || line.startsWith('>>> ')) {
          problems.push(`not a plain block quote in ${where}: ${JSON.stringify(line.slice(0, 60))}`);
          continue;
        }
        for (const words of line.slice(2).replaceAll('**', '').split('…')) {
          if (words.trim() === '') continue;
          if (!ARTICLE_TEXT.includes(words))
            problems.push(`not the article’s words in ${where}: ${JSON.stringify(words.slice(0, 80))}`);
          else if (holder !== undefined && !holder.includes(words))
            problems.push(`not in ${lines[end + 1]} (${where}): ${JSON.stringify(words.slice(0, 80))}`);
        }
      }
      i = end;
    }
  }
  return problems;
}

export function payloadProblems(payload: MessagePayload, allowed?: ReadonlySet<string>): string[] {
  return [...limitProblems(payload), ...mentionProblems(payload, allowed), ...quoteProblems(payload)];
}

/** The custom_ids of a message's buttons. */
export function customIds(payload: MessagePayload): string[] {
  return payload.components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
}
