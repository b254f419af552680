/**
 * A chat message often asks in one run-on sentence, its clauses strung with commas or spaces:
 * "说实话体制内躺平的人真不少，我老家那边尤其明显 吉林这回说的，躺平的干部会咋样". The clauses in
 * which the asker speaks of themselves before the question ("我老家那边", "身为台湾人一直搞不懂…"),
 * owns to an opinion ("说实话…") or says how they feel ("看了新闻有点懵"), and the remarks after it ("基层最怕这个了，一出事就层层甩锅"), are
 * backstory: read as such, their words help find the passage and never count against it, and
 * what they name (a home town, Taiwan) is not what is asked.
 */

/** Where one clause of a sentence ends: a comma, or a space between Chinese (after any emoji or punctuation). */
const CLAUSE_END =
  /(?<=[，,])\s*|(?<=\p{Script=Han}(?:[\p{P}\p{S}\p{Extended_Pictographic}]|\u200d|\ufe0f)*)\s+(?=[\p{P}\p{S}]*\p{Script=Han})|(?<=\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\u200d|\ufe0f)*)(?=\p{Script=Han})/u;

/** What a sentence of more than one clause holds somewhere: a comma, a space or an emoji. */
const BREAKS = /[，,\s\p{Extended_Pictographic}]/u;

// Read on the message as typed, so in either script: 身为 or 身為, 这个 or 這個.
/** The asker speaking of themselves: "我", "我们单位", "身为台湾人", "作为一个…". */
const OF_THEMSELVES = /[我俺咱]|本人|身[为為]|作[为為]一(?:[个個]|名)/u;
/** The asker owning to an opinion or a feeling about what they tell. */
const OPINION =
  /[说說][实實][话話]|[实實][话話][说說]|[讲講]真|[说說]真的|老[实實][说說]|真不少|哈哈|笑死|[离離][谱譜]|[无無][语語]|吐槽/u;
/** The asker's state of mind, said with the "I" left out as Chinese leaves it: "看了新闻有点懵", "没太看懂". */
const FEELING =
  /懵|[看搞听聽读讀弄]不[懂明]|[没沒]太?[看搞听聽读讀弄]?[懂明]|不太?明白|想不[通明]|[纳納]闷|困惑|好奇|感[觉覺]|[觉覺]得/u;
/**
 * The asker asking in their own voice ("我想知道黄强是谁", "我很关心基层党建"): what they want to
 * know, not their story. (What others told them, "听说吉林调整了一批干部", is most often what
 * the question asks about, and stays in it.)
 */
const ASKING_THEMSELVES = /想知道|想[问問]|[请請][问問]|[问問]一?下|求[问問]|[请請]教|想了解|[关關][心注]|好奇/u;

/** A remark on what was just asked: "最怕这个了", "这种事", "那个". */
const POINTING_BACK = /[这這](?:[个個]|[种種]|些|[样樣]|事)|那(?:[个個]|[种種]|事)|此事/u;

export interface ClausesRead {
  /** The question: the clauses from the first that is not backstory to the last that asks, as typed. */
  readonly question: string;
  /** The clauses before and after it, joined. */
  readonly backstory: string;
}

/**
 * A sentence's question and its backstory. `asks` tells a clause that asks; `hasContent` one
 * with a word to look for. Backstory goes only where some clause that asks and has content
 * is left.
 */
export function readClauses(
  sentence: string,
  asks: (clause: string) => boolean,
  hasContent: (clause: string) => boolean,
): ClausesRead {
  const whole = { question: sentence, backstory: '' };
  if (!BREAKS.test(sentence)) return whole;
  const clauses = sentence.split(CLAUSE_END).filter((c) => c.trim() !== '');
  if (clauses.length < 2) return whole;
  // A feeling told is a story; asked about, a question: "我还挺好奇的", but "你觉得吉林这招管用吗".
  const story = (clause: string): boolean =>
    ((OF_THEMSELVES.test(clause) || OPINION.test(clause)) && !ASKING_THEMSELVES.test(clause)) ||
    (FEELING.test(clause) && !asks(clause));
  const remarks = (clause: string): boolean => POINTING_BACK.test(clause) || OPINION.test(clause);
  // Most sentences open with no story and close with no remark: read them whole, their words
  // not segmented again clause by clause.
  if (!story(clauses[0]!) && !clauses.slice(1).some(remarks)) return whole;
  let last = clauses.length - 1;
  while (last >= 0 && !(asks(clauses[last]!) && hasContent(clauses[last]!))) last--;
  if (last < 0) return whole;
  let first = 0;
  // Before the question, the asker's own story, even where it holds a question of its own
  // ("一直搞不懂…是怎么升迁的"), when a clause after it asks.
  while (first < last && story(clauses[first]!)) first++;
  // After it, a remark: from the first clause that points back at what was asked, or owns to an opinion.
  const remark = clauses.findIndex((c, i) => i > last && remarks(c));
  const end = remark > last ? remark : clauses.length;
  if (first === 0 && end === clauses.length) return whole;
  // Where each clause starts in the sentence, so the question is kept as typed.
  const starts: number[] = [];
  let from = 0;
  for (const clause of clauses) {
    starts.push((from = sentence.indexOf(clause, from)));
    from += clause.length;
  }
  const question = sentence.slice(starts[first], end < clauses.length ? starts[end] : undefined).trim();
  if (!hasContent(question)) return whole;
  return { question, backstory: [...clauses.slice(0, first), ...clauses.slice(end)].join('').trim() };
}
