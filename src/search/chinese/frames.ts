import { chineseNumeral } from './numerals.js';
import { frameOf, type Frame } from '../frames.js';

/**
 * The form of a question asked in Chinese, read as the English frames read theirs: advice for the
 * asker, a kind of fact the article gives of no one (an age, a hometown, pay, what comes next),
 * the kind of answer wanted, who or what someone is, what someone said. Read on the folded
 * (simplified) question; an English stretch of a mixed question is read by the English frames.
 */

/** Advice for the asker's own life, which the article never gives: "我该怎么…", "有什么建议", "在哪能下载". */
const ADVICE =
  /^(?:请问|问一下|想问一下|想问)?(?:我|咱|我们)(?:该|应该|应当|要|想|能|可以|得)?(?:怎么|怎样|如何|咋)(?:才能|才可以|去|来)?|(?:有什么|有啥|给点|给个|给些|求)(?:好的)?(?:建议|推荐|办法)|^(?:推荐|求推荐|安利)|教(?:我|教我)|帮我(?:写|做|想|查|找|选|看)|(?:哪|哪里|哪儿)(?:能|可以|才能|去)?(?:下载|买|购买|订阅|报名|申请|领取)|(?:下载|订阅)(?:链接|地址|方式)/u;

/** Facts the article gives of no one and nothing. */
const UNKNOWABLE = [
  // an age, a birthday
  /多大(?:年纪|岁数|了)?|几岁|年龄|年纪|岁数|出生|生日|哪年生|属相/u,
  // where someone comes from, or lives
  /哪里人|哪儿人|什么地方人|哪的人|哪个地方的人|老家|籍贯|家乡|祖籍|原籍|住(?:在)?(?:哪|什么地方)|家住|住址/u,
  // pay and wealth
  /工资|薪水|薪资|收入|月薪|年薪|挣多少|赚多少|财产|身家/u,
  // family
  /老婆|妻子|丈夫|老公|孩子|子女|儿子|女儿|父母|家人|家属/u,
  // schooling and pastimes
  /毕业|学历|留学|哪所大学|哪个大学|什么大学|上的大学|读的大学|爱好|兴趣/u,
  // the weather
  /天气|气温|下雪|下雨/u,
  // the economy's and the population's figures: the article gives none
  /gdp|生产总值|人口|常住|财政收入|预算/u,
  // what comes next: the article reports what was said, not what follows (what "will be done"
  // to someone, "以后会被怎么处理", is what its measures say)
  /下次|下一次|下届|下一届|明年|后年|(?:将来|未来|以后)会(?!被)/u,
  // the time now
  /现在几点|几点了|今天几号|今天星期几|今天是几月/u,
  // how long someone has held a post, who held it before (not what a predecessor left: "前任的烂摊子")
  /(?:干了|当了|任职)多久|多少年了|(?:前任|上一任)(?:\p{Script=Han}{0,4})(?:是|叫)(?:谁|哪位|什么|啥)|谁是\p{Script=Han}{0,8}(?:前任|上一任)/u,
  // where someone was moved or sent: the article says who was adjusted or transferred, never to where
  /(?:调|调到|调去|调往|去了|派到|派去|挪到|安排到|发配到)了?(?:哪|哪里|哪儿|什么地方|什么岗位|什么单位|哪个(?:地方|单位|部门|岗位))(?!一步)/u,
  // what someone did before the events reported: "以前是干啥的", "之前在哪当官"
  /(?:以前|之前|原来|过去|早年|曾经)(?:是|都)?(?:干啥|干什么|干嘛|做什么|做啥|什么职务|担任什么|担任过|任过|当过|干过|在(?:哪|哪里|哪儿)(?:个\p{Script=Han}|些地方)?(?:工作|[当做][过了]?官|任职|上班|就职|干))/u,
];

/**
 * GDP as what officials are judged by ("只看GDP", "唯GDP论英雄"): what the article's evaluations
 * speak of, not a figure of the economy asked for.
 */
const YARDSTICK = /(?:看|唯|拼|比|靠|按|以)(?:gdp|生产总值)|(?:gdp|生产总值)论英雄/gu;

/** Asks for a person. */
const PERSON = /谁|哪位|哪些人|什么人|叫什么名字|名字是什么|叫啥/u;

const WANTS: readonly (readonly [Frame['wants'] & string, RegExp])[] = [
  ['number', /多少(?!钱)|(?<!哪)几(?:个|项|条|种|名|位|次|批|类|点|人)|数量|人数/u],
  ['date', /什么时候|啥时候|何时|哪天|哪一天|几月|几号|几日|日期|哪年|哪一年|什么时间|啥时间|哪个时间/u],
  ['person', PERSON],
];

/** Words that only say a time is wanted. */
const DATE_WORDS = ['时间', '日期', '时间点', '日子'];

/** "红绿灯是怎么工作的": asks how a thing itself works, in its everyday sense when the article only quotes it. */
const MECHANISM = /(?:怎么|如何|怎样)(?:工作|运作|运行|运转)|(?:工作|运作|运行)原理/u;

/** "有多少干部", "几名官员": what is counted follows. */
const HOW_MANY = /(?<![第哪])(?:多少|几)(?:个|名|位|项|条|种|批|类)?/u;

/** Asks a name. */
const ASK_NAME = /叫(?:什么|啥)(?:名字|名)?|(?:什么|啥)名字|名字(?:是|叫)(?:什么|啥)|全名|全称/u;

/** Where a question asks a name ("文件全名叫啥": at 全名), in UTF-16 units of the folded question. */
export function chineseNameAskedAt(question: string): number | undefined {
  return ASK_NAME.exec(question)?.index;
}

/** Asks several people to be named: "都叫什么名字", "分别是谁", "名单". */
const SEVERAL_NAMES = /都叫(?:什么|啥)|名字都|分别叫|分别是谁|都是谁|都有谁|都有哪些人|名单/u;

/** Asks who or what a named thing is. */
const IDENTITY =
  /是谁|起(?:了|到)?(?:什么|啥|哪些)作用|(?:什么|啥)角色|是什么人|是哪位|是干什么的|是干嘛的|是干啥的|是做什么的|是做啥的|什么职务|什么职位|什么身份|什么头衔|什么官|担任什么|任什么职|什么来头|叫(?:什么|啥)(?:名字|名)?|啥名字|全名|名字|(?:职务|职位|身份|头衔|官职|职级)(?:是|叫)?(?:什么|啥)/u;
const IDENTITY_WORDS = [
  '作用',
  '起',
  '起到',
  '角色',
  '扮演',
  '充当',
  '职务',
  '职位',
  '身份',
  '头衔',
  '官',
  '官职',
  '职级',
  '担任',
  '来头',
  '名字',
  '全名',
  '叫',
  '名',
  '干',
  '做',
];

/** Asks what someone said: the stretch before the verb of saying names who spoke. */
const SPEAKER =
  /^(.+?)(?:都|还|曾|曾经|到底|究竟|主要|具体)?(?:说|讲|谈|表示|强调|指出|透露|披露|警告|认为|报道|写)(?:了|过|的|到)?(?:什么|啥|哪些|些什么|些啥|怎么|什么话)/u;

/** Asks how two things relate: "X和Y有什么关系". */
const RELATION = /(?:有)?(?:什么|啥|何)(?:关系|联系|关联)|(?:关系|联系)是(?:什么|啥)/u;
const RELATION_WORDS = ['关系', '联系', '关联'];

/** Asks whether the article names something. */
const MENTION = /提到|提及|出现|点名|说到|写到|涉及/u;
const MENTION_WORDS = ['提到', '提及', '出现', '点名', '说到', '写到', '涉及'];

/** The English stretches of a mixed question, read together. */
function englishOf(question: string): string {
  return question
    .replace(/\p{Script=Han}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "谁说的", "谁最早透露的", "谁开的会": asks who said, made known or did something. */
const AGENT =
  /(?:谁|哪位|什么人)(?:最早|最先|先|第一个|首先)?(?:说|讲|提|透露|披露|公开|曝|爆|发|写|报道|宣布|开|定|拍板|决定|搞)/u;

/** A Chinese count of people: "11名", "十一名", "两位", "三个人". */
function chineseGroupOf(question: string): number | undefined {
  const match = /(\d+|[两二三四五六七八九十]+)\s*(?:名|位|个人|个干部|个官员|人)/u.exec(question);
  const written = match?.[1];
  if (!written) return undefined;
  // "是谁透露的调整11名干部": the one asked for comes before the group, and is not it ("谁是那11个人" is).
  const asked = PERSON.exec(question);
  if (asked && asked.index < match.index && !question.slice(asked.index).startsWith('谁是')) return undefined;
  // "调整11个干部这事是谁说出来的": the one asked for is who said or did it, not the group.
  if (AGENT.test(question.slice(match.index))) return undefined;
  const n = chineseNumeral(written) ?? 0;
  return n >= 2 ? n : undefined;
}

export function chineseFrameOf(question: string): Frame {
  const figures = question.replace(YARDSTICK, ' ');
  const english = englishOf(figures);
  // Digits and marks alone ("11名") hold nothing the English frames read.
  const theirs = /\p{L}/u.test(english) ? frameOf(english) : undefined;
  const identity = IDENTITY.test(question);
  const mention = MENTION.test(question);
  const wants = WANTS.find(([, pattern]) => pattern.test(question))?.[0] ?? theirs?.wants;
  const said = SPEAKER.exec(question);
  const howMany = HOW_MANY.exec(question);
  const group = wants === 'person' ? (chineseGroupOf(question) ?? theirs?.group) : undefined;
  // "发布会上都有谁讲话了": those who each said or did it, each named where they did, are no group to name at once.
  const names = (SEVERAL_NAMES.test(question) && !AGENT.test(question)) || (theirs?.names ?? false);
  const askName = ASK_NAME.test(question) || (theirs?.askName ?? false);
  return {
    advice: ADVICE.test(question) || (theirs?.advice ?? false),
    unknowable: UNKNOWABLE.some((pattern) => pattern.test(figures)) || (theirs?.unknowable ?? false),
    ...(wants ? { wants } : {}),
    identity: identity || (theirs?.identity ?? false),
    ...(said?.[1] ? { speaker: [0, said[1].length] as const } : {}),
    ...(howMany ? { counted: howMany.index + howMany[0].length } : {}),
    ...(MECHANISM.test(question) ? { mechanism: [0, question.length] as const } : {}),
    ...(group ? { group } : {}),
    ...(names ? { names } : {}),
    ...(askName ? { askName } : {}),
    mention,
    shaping: new Set([
      ...(identity ? IDENTITY_WORDS : []),
      ...(mention ? MENTION_WORDS : []),
      ...(RELATION.test(question) ? RELATION_WORDS : []),
      ...(MECHANISM.test(question) ? ['工作', '运作', '运行', '运转', '原理'] : []),
      // "在什么时间举办的": the time is the answer wanted, no topic of the question
      ...(wants === 'date' ? DATE_WORDS : []),
      ...(theirs?.shaping ?? []),
    ]),
  };
}
