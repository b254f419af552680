import type { Excerpt } from '../corpus/excerpt.js';
import type { Corpus } from '../corpus/load.js';
import { quotedSpans } from '../corpus/quoted.js';
import type { ArticleTopic } from './about-article.js';
import type { Passage } from './reading.js';

/**
 * "Where did it originally come from", "原始出处是哪个公众号": the first source, not the one that
 * reported it; in Chinese too, and when asked by the kind of outlet the first source is.
 */
const ORIGIN =
  /\b(?:originally|original|origin|first|initially|initial)\b|原始|最初|起初|一开始|源头|首发|原本|最早|最先|公众号|微信/i;
/** "What are the main parts", "how is it structured": asks how the article is laid out. */
const PARTS = /\b(?:parts|sections|structured?|outline|organi[sz]ed)\b/i;
/** "Who is quoted": asks whose words the article quotes. */
const QUOTED = /\bquot(?:e|ed|es|ing)\b/i;

type Person = Corpus['people'][number];
const quotedFirstCache = new WeakMap<Corpus, readonly Person[]>();

/** "Who is quoted": the people whose own words the article prints between quotation marks, first; read once per corpus. */
function quotedFirst(corpus: Corpus): readonly Person[] {
  let people = quotedFirstCache.get(corpus);
  if (!people) {
    const spans = quotedSpans(corpus.article);
    const inQuotes = (p: Person): boolean =>
      p.said.some((s) => spans.some((span) => span.paragraph === s.paragraph && span.text.includes(s.text)));
    people = [...corpus.people.filter(inQuotes), ...corpus.people.filter((p) => !inQuotes(p))];
    quotedFirstCache.set(corpus, people);
  }
  return people;
}

/** The sentence that holds a verified excerpt, as a passage: the whole sentence, as the search cites it. */
function sentencePassage(corpus: Corpus, excerpt: Pick<Excerpt, 'paragraph' | 'sentence'>): Passage {
  const number = excerpt.sentence ?? 1;
  const sentence = corpus.article.paragraphs[excerpt.paragraph]!.sentences[number - 1]!;
  return { paragraph: excerpt.paragraph, sentence: number, score: 1, excerpt: sentence.text, ranges: [] };
}

/**
 * The sentences that carry the answer to a question about the article itself: the headline
 * and the lead for what it is about, the sentences naming its publisher and relay for where it
 * comes from, the dated sentences for when, the sentences naming each person for who is in it.
 */
export function topicPassages(corpus: Corpus, topic: ArticleTopic, asked = ''): Passage[] {
  const lead = [sentencePassage(corpus, { paragraph: 0 }), sentencePassage(corpus, { paragraph: 1 })];
  switch (topic) {
    case 'headline':
      return lead.slice(0, 1);
    case 'source': {
      const sources = [corpus.source.publisher.evidence, corpus.source.relay.evidence];
      // Where the news first came from is what the publisher relays, not the publisher.
      if (ORIGIN.test(asked)) sources.reverse();
      return sources.map((e) => sentencePassage(corpus, e));
    }
    case 'when':
    case 'events':
      return corpus.source.events.map((e) => sentencePassage(corpus, e.evidence));
    case 'people': {
      if (!QUOTED.test(asked)) return corpus.people.map((p) => sentencePassage(corpus, p.role));
      return quotedFirst(corpus).map((p) => sentencePassage(corpus, p.role));
    }
    case 'summary': {
      if (!PARTS.test(asked)) return lead;
      // Its parts: the lead, then each passage that brings in someone whose words it reports.
      const opening = [...new Set(corpus.people.map((p) => p.role.paragraph))].sort((a, b) => a - b);
      return [lead[1]!, ...opening.map((paragraph) => sentencePassage(corpus, { paragraph }))];
    }
    case 'place':
    case 'length':
      return lead;
  }
}
