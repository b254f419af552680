import type { Excerpt } from '../corpus/excerpt.js';
import type { Corpus } from '../corpus/load.js';
import type { ArticleTopic } from './about-article.js';
import type { Passage } from './reading.js';

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
export function topicPassages(corpus: Corpus, topic: ArticleTopic): Passage[] {
  const lead = [sentencePassage(corpus, { paragraph: 0 }), sentencePassage(corpus, { paragraph: 1 })];
  switch (topic) {
    case 'headline':
      return lead.slice(0, 1);
    case 'source':
      return [corpus.source.publisher.evidence, corpus.source.relay.evidence].map((e) => sentencePassage(corpus, e));
    case 'when':
    case 'events':
      return corpus.source.events.map((e) => sentencePassage(corpus, e.evidence));
    case 'people':
      return corpus.people.map((p) => sentencePassage(corpus, p.role));
    case 'summary':
    case 'place':
    case 'length':
      return lead;
  }
}
