/**
 * How people type Chinese in a chat, read back into plain words before a question is segmented:
 * the initials of a word's pinyin for the words of officialdom ("gb" for 干部, "zzb" for 组织部),
 * the laughter and applause typed in letters or digits ("233", "hhh", "xswl"), which say
 * nothing, and a day spoken as "号". Only a stretch of Latin letters or digits standing alone is read, so a word of an
 * English stretch ("gdp", "party") and a figure ("11", "2024") stay as typed.
 */

/** Initials of the pinyin, as chat writes the words of officialdom, and the words they stand for. */
const INITIALS: Readonly<Record<string, string>> = {
  gb: '干部',
  gbm: '干部们',
  ld: '领导',
  ldgb: '领导干部',
  zzb: '组织部',
  zzbm: '组织部门',
  zf: '政府',
  sw: '省委',
  swsj: '省委书记',
  dy: '党员',
  jl: '吉林',
  xjp: '习近平',
  gwy: '公务员',
  tzn: '体制内',
};

/** Laughter, applause and sighs typed in letters or digits: "233", "hhhh", "xswl", "666". */
const NOISE =
  /^(?:23{2,}|6{3,}|h{3,}|(?:ha){2,}h?|(?:he){2,}|x+d+|xswl|yyds|awsl|lol+|lmao|rofl|orz|emm+|qaq|qwq|tql|nb|nbcs|dbq|doge|wtf|omg)$/u;

/** A run of Latin letters or digits with none of either beside it. */
const LATIN = /(?<![a-z0-9])[a-z0-9]+(?![a-z0-9])/gu;

/** A day of a month as chat writes it, "11月13号", which the glossary writes as the article's dates are: "11月13日". */
const DAY = /(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})[号號](?![码])/gu;

/** The folded question with chat shorthand spelled out in Chinese and chat noise taken out. */
export function readChineseChat(folded: string): string {
  return folded
    .replace(
      LATIN,
      (word) => (Object.hasOwn(INITIALS, word) ? INITIALS[word] : undefined) ?? (NOISE.test(word) ? ' ' : word),
    )
    .replace(DAY, '$1月$2日');
}
