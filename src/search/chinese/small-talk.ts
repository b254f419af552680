import type { SmallTalk } from '../small-talk.js';
import { coveredBy, wordList } from './cover.js';

/** Words that make up small talk in Chinese, by what they say, most telling first. */
const KINDS: readonly (readonly [SmallTalk, string])[] = [
  ['thanks', '谢谢 谢 多谢 谢啦 谢了 感谢 感恩 辛苦 辛苦了 谢谢你 谢谢您 thanks thank thx'],
  ['help', '帮助 帮忙 怎么用 如何使用 怎么使用 用法 命令 指令 说明 使用说明 help 功能 有什么功能'],
  [
    'about-bot',
    '你是谁 您是谁 你是什么 你是啥 你能做什么 你能干什么 你会什么 你会干啥 你能干啥 你可以做什么 机器人 你叫什么 介绍一下你自己 你自己',
  ],
  ['laugh', '哈 哈哈 哈哈哈 哈哈哈哈 呵呵 嘿嘿 嘻嘻 笑死 笑死我了 233 2333 23333 lol haha hhh hhhh 草'],
  [
    'greeting',
    '你好 您好 你们好 大家好 早上好 早安 早 上午好 中午好 下午好 晚上好 晚安 嗨 哈喽 哈啰 嗨喽 在吗 在不在 有人吗 喂 再见 拜拜 拜 回见 hi hello hey',
  ],
  [
    'ack',
    '好的 好 好滴 好嘞 明白 明白了 懂了 懂 收到 知道了 了解 行 可以 没问题 ok okay 嗯 嗯嗯 哦 噢 喔 原来如此 厉害 不错 牛 赞',
  ],
];

/** Words that go with any of them and change nothing ("谢谢你啊", "大家早上好呀"). */
const FILLER =
  '啊 呀 吗 呢 吧 哈 嘛 呗 啦 哦 了 的 你 您 大家 各位 朋友 朋友们 老师 机器人 bot 非常 太 真 很 一下 请 们 哟 呐 咯 嘞 噢 哇';

const ALL = wordList(`${KINDS.map(([, words]) => words).join(' ')} ${FILLER}`);
const BY_KIND = KINDS.map(([kind, words]) => [kind, wordList(words).words] as const);
/** The longest a message can be and still be only small talk. */
const MOST_CHARS = 16;

/**
 * Whether a whole message in Chinese is small talk, and which kind: "你好", "谢谢啦", "哈哈哈",
 * "你能做什么". `folded`: the message in simplified characters, lower case. A message with any
 * word of a question about the article is not.
 */
export function chineseSmallTalkOf(folded: string): SmallTalk | undefined {
  const text = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  if (text === '' || [...text].length > MOST_CHARS || !coveredBy(text, ALL.words, ALL.longest)) return undefined;
  for (const [kind, words] of BY_KIND) {
    if ([...words].some((word) => text.includes(word))) return kind;
  }
  return undefined;
}
