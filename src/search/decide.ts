import { countsNear, GENERIC_COUNTED, holdsCount, standsIn, standsInText } from './counts.js';
import type { SearchIndex } from './index.js';
import type { Frame } from './frames.js';
import { holdsFormLoosely } from './named.js';
import type { Ranked, Ranking } from './rank.js';
import type { Understood } from './understood.js';

/** Below this share of the question found in a paragraph, the paragraph is a guess, not an answer. */
export const MIN_SCORE = 0.31;
/** Below this share of the question found in a paragraph by its own words, backstory aside, no backstory makes up for it. */
const MIN_OWN = 0.15;
/**
 * Below this share of what the question asks of a named thing (its words besides the name),
 * a paragraph that names the thing does not answer: "how old is Huang Qiang" is not answered
 * by the paragraph that names him.
 */
const MIN_ASKED = 0.4;
/** A passage holding the kind of answer the question wants (a number, a date) moves up this much. */
const WANTED_BONUS = 1.3;
/**
 * A passage describing the sort of people asked of ("those who are capable") moves up more:
 * "who gets fired" asks the sort, which one case of it (the 11 cadres adjusted) only illustrates.
 */
const DESCRIBED_BONUS = 1.6;

/** What each idea of a question is to it. */
export type Role =
  /** a word of a named thing the question asks about ("Huang Qiang") */
  | 'name'
  /** what the question asks of it, or asks at all */
  | 'asked'
  /** a word that only shapes the question ("job" in "what is his job") */
  | 'shaping'
  /** the talk around a long question's real one */
  | 'context';

export interface Decided extends Ranked {
  /** How much of the question the paragraph answers, in [0, 1]. */
  readonly score: number;
}

/** Share of the ideas with these roles found in a paragraph, weighted by importance; 1 when there are none. */
function share(
  ranked: Ranked,
  importances: readonly number[],
  roles: readonly Role[],
  keep: (role: Role) => boolean,
  backstory = true,
): number {
  let total = 0;
  let found = 0;
  roles.forEach((role, i) => {
    // Backstory found in the paragraph helps it; backstory not found never counts against it.
    const strength = ranked.strengths[i] ?? 0;
    if (!keep(role) && !(backstory && role === 'context' && strength > 0 && keep('asked'))) return;
    total += importances[i]!;
    found += importances[i]! * (ranked.strengths[i] ?? 0);
  });
  return total === 0 ? 1 : found / total;
}

/**
 * Share of what is asked of a named thing found in a paragraph, a word found only by its stem
 * ("governor" by "government") not counted: of a thing named, a false friend answers nothing.
 */
function askedShare(
  ranked: Ranked,
  importances: readonly number[],
  roles: readonly Role[],
  backstory: boolean,
): number {
  const strengths = ranked.strengths.map((s) => (s > STEM_ONLY ? s : 0));
  return share({ ...ranked, strengths }, importances, roles, (r) => r === 'asked', backstory);
}
/** Whether a concept was typed in more than one word. */
function spansWords(concept: Understood['concepts'][number] | undefined): boolean {
  return concept !== undefined && concept.first >= 0 && concept.last > concept.first;
}
/** The least trust of a word the text holds as typed, or inflected. */
const OWN_WORD = 0.95;
/** The trust of a word found only by its Porter stem. */
const STEM_ONLY = 0.6;

const NUMBER =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth)\b/i;
const DATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|Recently|Earlier|previously)\b/;

/** A deed recorded as done: "had adjusted 11 provincial-level cadres", "has issued…". */
const DEED_DONE = /\b(?:had|has|have)\s+(?:been\s+)?\p{L}+ed\b/iu;

/** People described by what they do or are: "those who are capable", "cadres who have been disciplined". */
const DESCRIPTION = /\b(?:those|cadres|officials|people|leaders|anyone|everyone)\s+who\b/i;

function holdsWanted(text: string, wants: Frame['wants']): boolean {
  if (wants === 'number') return NUMBER.test(text);
  if (wants === 'date') return DATE.test(text);
  return false;
}

/**
 * Whether a paragraph can say how many of what the question counts ("how many cadres"): a count
 * stands beside the thing in its words, or, where it names the thing otherwise (in what people
 * ask of it) or the question counts nothing in particular ("how many things", "how many
 * people"), it gives some count.
 */
function canCount(index: SearchIndex, result: Ranked, { concepts, counted = [] }: Understood): boolean {
  const things = counted.map((i) => concepts[i]!);
  if (things.length === 0) return NUMBER.test(index.article.paragraphs[result.paragraph]?.text ?? '');
  if (things.every((c) => GENERIC_COUNTED.has(c.text.toLowerCase()))) return holdsCount(index, result.paragraph);
  return things.some((c, k) => {
    if (countsNear(index, result.paragraph, c)) return true;
    const namedOtherwise = !standsIn(index, result.paragraph, c) && (result.strengths[counted[k]!] ?? 0) > 0;
    return namedOtherwise && holdsCount(index, result.paragraph);
  });
}

/**
 * The paragraphs that answer the question, best first: enough of the question found in them,
 * and, when it names something, enough of what it asks of that thing.
 */
export function decide(ranking: Ranking, understood: Understood, index: SearchIndex): Decided[] {
  const { importances, ranked } = ranking;
  const { roles, frame, mentions, owners = [] } = understood;
  const decided: { result: Decided; order: number }[] = [];
  const asksSomething = roles.some((r) => r === 'asked');
  const namesSomething = roles.some((r) => r === 'name');
  // The things the question names as one ("the Organization Department of the CCP Central
  // Committee"), each with those named by the same words ("plenary session" names two sessions).
  // Each is looked for as the question writes it: "the CPC Central Committee" is in no paragraph
  // that only names "the Fifth Plenary Session", though both sessions are "plenary sessions".
  const together = (understood.together ?? []).map((m) =>
    mentions
      .filter((n) => n.first === m.first && n.last === m.last)
      .map(
        (n) => (p: number) => n.thing.paragraphs.has(p) && (!n.form || holdsFormLoosely(index.paragraphs[p], n.form)),
      ),
  );
  const named = mentions.map((m) => m.thing.paragraphs);
  // Of a thing besides the setting, the backstory's words are not what is asked: "…mentions the
  // Third Plenary Session. What were the main decisions of that session?" asks its decisions.
  const settingOnly = mentions.every((m) => m.thing.setting);
  // What the question asks is someone's or something's the article never writes of ("China's GDP").
  if (owners.some((i) => !standsInText(index, understood.concepts[i]!))) return [];
  // A "how many" whose counted thing the article has no word for ("how many seats") it cannot answer.
  const counted = (understood.counted ?? []).map((i) => understood.concepts[i]!);
  const uncountable =
    frame?.wants === 'number' &&
    counted.length > 0 &&
    counted.every((c) => c.alternatives.length === 0 && !GENERIC_COUNTED.has(c.text.toLowerCase()));
  if (uncountable || (frame?.wants === 'number' && understood.countsNothing)) return [];
  // The question's own ideas the article holds nowhere ("how far away is the moon": "far", "moon").
  const absent = roles.filter(
    (r, i) => (r === 'asked' || r === 'name') && ranked.every((result) => (result.strengths[i] ?? 0) === 0),
  ).length;
  // The kinds asked of ("what does a middleman do"), and those of them typed in several words.
  const anyOne = understood.anyOne ?? [];
  const inWords = new Set(anyOne.filter((i) => spansWords(understood.concepts[i])));
  for (const result of ranked) {
    const coverage = share(result, importances, roles, (r) => r === 'name' || r === 'asked');
    const score = Math.min(1, coverage * (0.85 + 0.15 * result.closeness));
    if (score < MIN_SCORE) continue;
    // The backstory helps a long question's own words, never stands in for them: "…quotes the
    // secretary on sheep. How much wool does a sheep produce?" is not answered by the sheep it quotes.
    if (share(result, importances, roles, (r) => r === 'name' || r === 'asked', false) < MIN_OWN) continue;
    // What people ask of a paragraph leads to it; one word of theirs alone ("match") does not.
    const inText = result.inText.some((found, i) => found && roles[i] !== 'context' && roles[i] !== 'shaping');
    const asked = result.strengths.filter((s, i) => s > 0 && roles[i] !== 'context' && roles[i] !== 'shaping').length;
    if (!inText && asked < 2) continue;
    // One word shared where two or more of the question's own are nowhere in the article is a
    // coincidence of wording ("shy away" for "how far away is the moon"), not an answer.
    if (asked === 1 && absent >= 2) continue;
    if (namesSomething) {
      // It must speak of the thing named, of each of those named as one ("the Organization
      // Department of the Central Committee" is not Jilin's), and answer enough of what is asked of them.
      if (!named.some((paragraphs) => paragraphs.has(result.paragraph))) continue;
      if (!together.every((things) => things.some((speaksOf) => speaksOf(result.paragraph)))) continue;
      if (asksSomething && askedShare(result, importances, roles, settingOnly) < MIN_ASKED) continue;
    }
    // "What does a middleman do": a paragraph answers of a kind only in words of its own about it,
    // not through another word of the question ("business") or what people ask of it; a kind
    // named in several words ("a supply chain") is another kind unless it holds them all.
    if (anyOne.some((i) => !result.inText[i] || (inWords.has(i) && (result.strengths[i] ?? 0) < OWN_WORD))) continue;
    // "The difference between X and Y": a paragraph compares only what it holds in its own words,
    // not the article's nearest thing for each ("a supply chain" is none of its chains).
    const compared = understood.compared ?? [];
    if (compared.some((side) => side.length > 0 && side.some((i) => (result.strengths[i] ?? 0) < OWN_WORD))) continue;
    // "How many…": a paragraph that gives no count of the thing cannot say how many.
    if (frame?.wants === 'number' && !canCount(index, result, understood)) continue;
    // "When did…": a paragraph that gives no time at all cannot say when.
    if (frame?.when && !DATE.test(index.article.paragraphs[result.paragraph]?.text ?? '')) continue;
    const sentence = index.sentences[result.sentence];
    const wanted = sentence && frame?.wants && holdsWanted(sentence.text, frame.wants);
    const described = sentence && frame?.describes && DESCRIPTION.test(sentence.text);
    // "Did they actually demote anyone": the sentence that records it done ("had adjusted 11…").
    const recorded = sentence && frame?.done && DEED_DONE.test(sentence.text);
    const bonus = described ? DESCRIBED_BONUS : wanted || recorded ? WANTED_BONUS : 1;
    decided.push({ result: { ...result, score }, order: result.rank * bonus });
  }
  return decided.sort((a, b) => b.order - a.order || a.result.paragraph - b.result.paragraph).map((d) => d.result);
}
