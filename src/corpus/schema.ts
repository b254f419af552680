import { z } from 'zod';

/**
 * The shapes of the curated files in corpus/. Every `text` in a quote is the article's own
 * words, checked verbatim against the cited paragraph when the corpus loads; labels and notes
 * are the bot's words and are never shown as quoted.
 */
export const QuoteSchema = z.strictObject({
  paragraph: z.number().int().min(0).max(15),
  text: z.string().min(1),
});

const NamedOnlySchema = z.strictObject({
  name: QuoteSchema,
  /** Says that the article names the list without spelling out its items. */
  note: z.string().min(1),
});

export const GoalsSchema = z.strictObject({
  setBy: z.string().min(1),
  intro: QuoteSchema,
  goals: z.array(z.strictObject({ number: z.number().int().min(1), title: QuoteSchema, lead: QuoteSchema })).length(5),
});

export const FocusSchema = z.enum(['promote', 'demote', 'evaluation', 'tolerance']);

export const CriteriaSchema = z.strictObject({
  topics: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      focus: FocusSchema,
      label: z.string().min(1).max(100),
      excerpts: z.array(QuoteSchema).min(1),
      namedOnly: z.array(NamedOnlySchema).default([]),
    }),
  ),
});

export const MeasuresSchema = z.strictObject({
  introducedBy: z.string().min(1),
  intro: QuoteSchema,
  measures: z.array(z.strictObject({ number: z.number().int().min(1), lead: QuoteSchema })).length(3),
});

export const PeopleSchema = z.array(
  z.strictObject({
    name: z.string().min(1),
    role: QuoteSchema,
    paragraphs: z.array(z.number().int().min(0).max(15)).min(1),
    said: z.array(QuoteSchema),
  }),
);

export const GlossarySchema = z.array(
  z.strictObject({
    /** As the article prints it between quotation marks. */
    term: z.string().min(1),
    kind: z.enum(['term', 'slogan', 'title']),
    paragraphs: z.array(z.number().int().min(0).max(15)).min(1),
    /** The article's own explanation, when it gives one. */
    explanation: QuoteSchema.optional(),
    /** The bot's words: what the article leaves unsaid about the term. */
    note: z.string().min(1).optional(),
  }),
);

/** English words in their own right that lie a slip away from one of the article's words. */
export const EnglishWordsSchema = z.strictObject({
  /** Where the words were taken from, and how. */
  source: z.string().min(1),
  words: z.array(z.string().regex(/^[a-z]+$/)),
});

export const SynonymsSchema = z.array(
  z.strictObject({
    /** Everyday words and phrases a reader may use. */
    words: z.array(z.string().min(1)).min(1),
    /** The article's own words for them; each must occur in the article. */
    means: z.array(z.string().min(1)).min(1),
  }),
);

/**
 * What each paragraph (or one of its sentences) answers, written as people ask it: searched as a
 * field of its own, never shown as quoted.
 */
export const AsksSchema = z.array(
  z.strictObject({
    paragraph: z.number().int().min(0).max(15),
    sentence: z.number().int().min(1).optional(),
    asks: z.array(z.string().min(1).max(200)).min(1),
  }),
);

/**
 * Things the article names besides its people, its sources and its titles (which people.json,
 * source.json and glossary.json hold): `named` is where the text names the thing, what the bot
 * can say of it when a question asks what the text does not say.
 */
export const NamesSchema = z.array(
  z.strictObject({
    name: z.string().min(1),
    /** Other ways a person writes it. */
    also: z.array(z.string().min(1)).default([]),
    /** The article's setting: every paragraph speaks of it, named or not. */
    setting: z.boolean().default(false),
    named: QuoteSchema,
  }),
);

/**
 * Places other than the article's setting, as a question writes them in lowercase ("guangdong",
 * "the us", "american", "other provinces"): a question about one asks about somewhere else.
 */
export const ElsewhereSchema = z.array(
  z
    .string()
    .regex(/^[a-z]+(?: [a-z]+)*$/, 'lowercase words separated by single spaces')
    .refine((s) => s.length >= 2),
);

export const SourceSchema = z.strictObject({
  headline: QuoteSchema,
  publisher: z.strictObject({ name: z.string().min(1), evidence: QuoteSchema }),
  relay: z.strictObject({ name: z.string().min(1), evidence: QuoteSchema }),
  events: z.array(z.strictObject({ date: z.string().min(1), label: z.string().min(1), evidence: QuoteSchema })).min(1),
});

export type Quote = z.infer<typeof QuoteSchema>;
export type Focus = z.infer<typeof FocusSchema>;
