import type { SearchIndex } from './index.js';
import type { Frame } from './frames.js';
import type { Ranked, Ranking } from './rank.js';

/** Below this share of the question found in a paragraph, the paragraph is a guess, not an answer. */
export const MIN_SCORE = 0.31;
/**
 * Below this share of what the question asks of a named thing (its words besides the name),
 * a paragraph that names the thing does not answer: "how old is Huang Qiang" is not answered
 * by the paragraph that names him.
 */
const MIN_ASKED = 0.4;
/** A passage holding the kind of answer the question wants (a number, a date) moves up this much. */
const WANTED_BONUS = 1.3;

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
): number {
  let total = 0;
  let found = 0;
  roles.forEach((role, i) => {
    // Backstory found in the paragraph helps it; backstory not found never counts against it.
    const strength = ranked.strengths[i] ?? 0;
    if (!keep(role) && !(role === 'context' && strength > 0 && keep('asked'))) return;
    total += importances[i]!;
    found += importances[i]! * (ranked.strengths[i] ?? 0);
  });
  return total === 0 ? 1 : found / total;
}

const NUMBER =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth)\b/i;
const DATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|Recently|Earlier|previously)\b/;

function holdsWanted(text: string, wants: Frame['wants']): boolean {
  if (wants === 'number') return NUMBER.test(text);
  if (wants === 'date') return DATE.test(text);
  return false;
}

/**
 * The paragraphs that answer the question, best first: enough of the question found in them,
 * and, when it names something, enough of what it asks of that thing.
 */
export function decide(
  { importances, ranked }: Ranking,
  roles: readonly Role[],
  frame: Frame | undefined,
  index: SearchIndex,
  /** For each thing the question names, the paragraphs that speak of it. */
  named: readonly ReadonlySet<number>[] = [],
): Decided[] {
  const decided: { result: Decided; order: number }[] = [];
  const asksSomething = roles.some((r) => r === 'asked');
  const namesSomething = roles.some((r) => r === 'name');
  for (const result of ranked) {
    const coverage = share(result, importances, roles, (r) => r === 'name' || r === 'asked');
    const score = Math.min(1, coverage * (0.85 + 0.15 * result.closeness));
    if (score < MIN_SCORE) continue;
    // What people ask of a paragraph leads to it; one word of theirs alone ("match") does not.
    const inText = result.inText.some((found, i) => found && roles[i] !== 'context' && roles[i] !== 'shaping');
    const asked = result.strengths.filter((s, i) => s > 0 && roles[i] !== 'context' && roles[i] !== 'shaping').length;
    if (!inText && asked < 2) continue;
    if (namesSomething) {
      // It must speak of the thing named, and answer enough of what is asked of it.
      if (!named.some((paragraphs) => paragraphs.has(result.paragraph))) continue;
      if (asksSomething && share(result, importances, roles, (r) => r === 'asked') < MIN_ASKED) continue;
    }
    // "How many…": a paragraph that holds no number cannot say how many.
    if (frame?.wants === 'number' && !NUMBER.test(index.article.paragraphs[result.paragraph]?.text ?? '')) continue;
    const sentence = index.sentences[result.sentence];
    const wanted = frame?.wants && sentence && holdsWanted(sentence.text, frame.wants);
    decided.push({ result: { ...result, score }, order: result.rank * (wanted ? WANTED_BONUS : 1) });
  }
  return decided.sort((a, b) => b.order - a.order || a.result.paragraph - b.result.paragraph).map((d) => d.result);
}
