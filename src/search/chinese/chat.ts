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
  gzh: '公众号',
  fbh: '发布会',
  xwfbh: '新闻发布会',
};

/** Laughter, applause and sighs typed in letters or digits: "233", "hhhh", "xswl", "666". */
const NOISE =
  /^(?:23{2,}|6{3,}|h{3,}|(?:ha){2,}h?|(?:he){2,}|x+d+|xswl|yyds|awsl|lol+|lmao|rofl|orz|emm+|qaq|qwq|tql|nb|nbcs|dbq|doge|wtf|omg|bdjw|yysy|u1s1|nsdd|srds|plz|pls)$/u;

/**
 * What chat says to the crowd around a question, never part of it: addresses ("家人们", "老铁们",
 * "各位大佬"), calls for someone who knows ("有无懂哥", "谁懂啊", "有人知道吗"), asks for help
 * ("求科普", "不懂就问", "弱弱地问一下"), and "在线等" or "急" while one waits. Read only where a
 * clause opens or the message closes, and "急" only standing alone, so a word holding one ("急于")
 * is left whole.
 */
const TO_THE_CROWD = [
  ...[
    '家人们',
    '宝子们',
    '宝宝们',
    '姐妹们',
    '兄弟们',
    '老铁们',
    '集美们',
    '友友们',
    '朋友们',
    '各位大佬',
    '大佬们',
    '各位',
  ],
  ...['有没有大佬', '有无大佬', '求大佬', '有无懂哥', '有没有懂哥', '懂哥们', '懂的来', '有懂的吗', '有没有懂的'],
  ...['谁懂啊', '谁懂', '有谁知道', '谁知道啊', '有人知道吗', '有没有人知道'],
  ...['求科普', '科普一下', '求解答', '求解惑', '求问', '求助', '请教一下', '请教', '不懂就问', '小白求问', '萌新求问'],
  ...['弱弱地问一下', '弱弱地问', '弱弱问一下', '弱弱问', '好奇问一下', '好奇问下', '咱就是说', '有一说一'],
  ...['蹲一个', '在线等', '急急急'],
].sort((a, b) => b.length - a.length);
const CROWD = TO_THE_CROWD.join('|');
const CROWD_OPENING = new RegExp(`(^|[\\s\\p{P}])(?:${CROWD})[啊呀哈嘛呢]*`, 'u');
const CROWD_CLOSING = new RegExp(`(?:${CROWD}|(?<=^|[\\s\\p{P}])急+)[啊呀哈嘛呢]*(?=[\\s\\p{P}]*$)`, 'u');

/** The folded question with what it says to the crowd around it taken out, unless nothing else is left. */
export function withoutTheCrowd(text: string): string {
  let rest = text;
  for (let turn = 0; turn < 4; turn++) {
    const next = rest.replace(CROWD_OPENING, '$1 ').replace(CROWD_CLOSING, ' ');
    if (next === rest) break;
    rest = next;
  }
  return rest.trim() === '' ? text : rest;
}

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
