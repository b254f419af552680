import type { Corpus, GlossaryEntry, Source } from '../corpus/load.js';
import { RESOURCES, type Language } from './words.js';

type Topic = Corpus['criteria']['topics'][number];
type Event = Source['events'][number];

/** The Chinese forms of the curated notes of corpus/, keyed by the entry they belong to. */
export interface CuratedWords {
  /** By glossary term: its `note`. */
  readonly glossary: Readonly<Record<string, string>>;
  /** By criteria topic id: its label, and each named-only list's note by the list's name. */
  readonly criteria: Readonly<
    Record<string, { readonly label: string; readonly namedOnly?: Readonly<Record<string, string>> }>
  >;
  /** By the English label of an event in corpus/source.json. */
  readonly events: Readonly<Record<string, string>>;
}

export const CURATED: Readonly<Record<Exclude<Language, 'en'>, CuratedWords>> = {
  'zh-CN': RESOURCES['zh-CN'].corpus,
  'zh-TW': RESOURCES['zh-TW'].corpus,
};

/**
 * A curated note in the asker's language. English is the corpus's own; a Chinese form missing
 * (a test holds every one present) falls back to it rather than to nothing.
 */
const inLanguage = (language: Language, english: string, chinese: (words: CuratedWords) => string | undefined) =>
  language === 'en' ? english : (chinese(CURATED[language]) ?? english);

/** What the article leaves unsaid about a glossary term, when the corpus notes it. */
export function glossaryNote(language: Language, entry: GlossaryEntry): string | undefined {
  const { note } = entry;
  return note === undefined ? undefined : inLanguage(language, note, (w) => w.glossary[entry.term]);
}

export function topicLabel(language: Language, topic: Topic): string {
  return inLanguage(language, topic.label, (w) => w.criteria[topic.id]?.label);
}

export function namedOnlyNote(language: Language, topic: Topic, named: Topic['namedOnly'][number]): string {
  return inLanguage(language, named.note, (w) => w.criteria[topic.id]?.namedOnly?.[named.name.text]);
}

export function eventLabel(language: Language, event: Event): string {
  return inLanguage(language, event.label, (w) => w.events[event.label]);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date as the text states it ("November 21", no year) in the asker's language: 11月21日 in
 * Chinese. Only the writing changes; a date of another shape is shown as the corpus has it.
 */
export function dateIn(language: Language, date: string): string {
  if (language === 'en') return date;
  const [, month, day] = /^([A-Z][a-z]+) (\d{1,2})$/.exec(date) ?? [];
  const number = month === undefined ? -1 : MONTHS.indexOf(month);
  return number < 0 || day === undefined ? date : `${number + 1}月${Number(day)}日`;
}
