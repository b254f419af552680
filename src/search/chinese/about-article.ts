import type { ArticleTopic } from '../about-article.js';
import { coveredBy, wordList } from './cover.js';

/**
 * Questions asked in Chinese about the article itself rather than what it reports: what it is
 * about, its headline, who reported it, when, who is in it, how long it is. As in English, the
 * whole question must be made of one topic's words and words about articles.
 */

/** Words that point at the article itself (文 alone, as chat shortens 文章), and words that ask nothing of their own. */
const ARTICLE = `这篇 这篇文章 文章 这篇文 这文 此文 文 本篇 该篇 这一篇 帖子 这个帖子 本文 该文 全文 原文 这个 这 它 这条 这则 新闻 报道 稿子 内容 消息 这个新闻 这篇报道 这事 这件事 整个 整篇 全篇 里 里面 中
  是 系 的 了 什么 啥 吗 呢 吧 啊 呀 请问 请 问 问一下 一下 给 我 能 可以 帮 帮我 下 说说 讲讲 简单 简单地 大概 主要 到底 都 有 哪些 些 个 下吗 呗 哈`;

/** Each topic: the words that ask it (a question asks it when it holds one) and the words it may use besides. */
const TOPICS: readonly (readonly [ArticleTopic, RegExp, string])[] = [
  ['headline', /标题|题目|大标题|题为/u, '标题 题目 大标题 题为 叫 叫什么 完整 全称'],
  [
    'source',
    /谁报道|谁写|作者|来源|出处|哪家媒体|媒体|哪里来|哪来|哪儿来|出自|发表在|刊登|谁发|发布者|哪个网站|原载|转载|哪家|消息源/u,
    '谁 报道 报道的 写 写的 作者 来源 出处 哪家 媒体 哪里 哪 哪儿 来 来的 出自 发表 发表在 刊登 发 发的 发布 发布者 哪个 网站 原载 转载 消息源 最早 最先 官方 原始 最初 起初 一开始 源头 首发 原本 公众号 微信 微信公众号 微博 账号 号 平台 官网 报纸 来着',
  ],
  [
    'when',
    /什么时候|啥时候|哪天|日期|何时|时间线|几号|哪一天/u,
    '什么时候 啥时候 哪天 哪一天 日期 何时 时间 时间线 几号 发布 发表 写 写的 发生 发生的 事 事情 这些事',
  ],
  [
    'people',
    /哪些人|有谁|人物|提到了谁|涉及谁|出现了谁|都有谁|哪几个人|多少人/u,
    '哪些人 有谁 都有谁 人物 提到 提到了 提到了谁 涉及 涉及谁 出现 出现了 出现了谁 谁 人 哪几个人 多少人 官员 领导 名字',
  ],
  ['length', /多长|多少字|字数|几段|篇幅|多少段/u, '多长 多少字 字数 几段 多少段 篇幅 长 长吗 有多长 读完 要读多久'],
  [
    'summary',
    /讲什么|讲了什么|讲的是什么|说了什么|说的是什么|讲啥|讲了啥|说啥|说了啥|大意|主要内容|概括|总结|摘要|要点|关于什么|重点|核心|中心思想|讲的啥|说的啥/u,
    '讲 讲了 讲的 讲的是 说 说了 说的 说的是 大意 主要内容 概括 总结 摘要 要点 关于 关于什么 重点 核心 中心思想 意思 一句话 简短 简要 大致 tldr',
  ],
];

const ALLOWED = new Map(TOPICS.map(([topic, , words]) => [topic, wordList(`${ARTICLE} ${words}`)]));

/**
 * Every topic the question asks of the article itself, most particular first; none when it asks
 * anything else. `folded`: the question in simplified characters.
 */
export function chineseArticleTopicsOf(folded: string): ArticleTopic[] {
  const text = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  if (text === '') return [];
  for (const [topic, asks] of TOPICS) {
    if (!asks.test(text)) continue;
    const { words, longest } = ALLOWED.get(topic)!;
    if (coveredBy(text, words, longest)) return [topic];
  }
  // "谁报道的，什么时候": two topics at once, each with its own words.
  const asked = TOPICS.filter(([, asks]) => asks.test(text)).map(([topic]) => topic);
  if (asked.length === 2) {
    const words = new Set(asked.flatMap((topic) => [...ALLOWED.get(topic)!.words]));
    const longest = Math.max(...asked.map((topic) => ALLOWED.get(topic)!.longest));
    if (coveredBy(text, words, longest)) return asked.filter((t) => t !== 'summary');
  }
  return [];
}
