/**
 * Chinese words nothing knows that are more likely the verb of a question than its topic: a verb
 * with the complement that says where it goes or how it ends ("混下去", "动起来", "起到", "提出来"),
 * and the words of chat that judge whether something works ("管用", "好使"). A question about
 * something else names that thing (红烧肉, 人口, 键盘); a question about the article in
 * everyday words often only says what happens to the article's things in words of its own. Such
 * a word weighs against coverage as one unknown character does, not as an unknown topic.
 */

/** A verb of one or two characters with a directional complement: "混下去", "动起来", "站出来". */
const DIRECTIONAL = /^\p{Script=Han}{1,2}(?:起来|下去|出来|下来|上来|上去|过来|进来|进去|回来|回去|开来)$/u;

/**
 * A verb of one character with a complement of result or of what it can reach: "起到", "管住",
 * "干完", "用得上" (not 上 or 着 alone: 晚上 and 穿着 name things).
 */
const RESULT = /^\p{Script=Han}(?:到|住|完|掉|得了|不了|得上|不上|得住|不住|得动|不动)$/u;

/** Words of chat that ask whether something works or is worth it, naming nothing. */
const JUDGING: ReadonlySet<string> = new Set([
  '管用',
  '好使',
  '有用',
  '没用',
  '有效',
  '奏效',
  '顶用',
  '灵',
  '靠得住',
  '算数',
  '当真',
  '来真的',
  '玩真的',
]);

/** Whether an unknown word is more likely what happens than what the question is about. */
export function isLightWord(word: string): boolean {
  return JUDGING.has(word) || DIRECTIONAL.test(word) || RESULT.test(word);
}
