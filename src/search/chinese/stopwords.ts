/**
 * Chinese words that carry no topic of their own: particles, pronouns, question words, the verbs
 * of asking, saying and intending, words that only tie two ideas together ("怎么挂钩"), chat
 * fillers, and words that point at the article itself. They are
 * matched only where the segmenter puts word boundaries, so 地 (a particle) is not taken out of
 * 地方 (a place). Numbers are kept: the article's terms are built from them. Negation standing
 * alone ("只要不贪", "还能翻身不", "有人管没") denies or asks whether of the word beside it, which
 * carries the topic; the article's terms that hold a negation (不作为, 打折扣) are read whole.
 * Chat words that only point at a thing or a time ("啥玩意儿", "的时候", "哪些类型的"), and
 * adverbs of manner or degree typed before a verb ("瞎举报", "贼快"), carry no topic either; nor do
 * the adverbs that say how sure the asker is or how far something goes ("肯定得下", "难道",
 * "根本", "光给"), nor the words that point at a time or an occasion already spoken of ("那天",
 * "当时", "此次", "本次", the 后 of "犯错后"), nor the verbs that ask to be told or listed ("列一下", "展开说说",
 * "捋一捋"), the asks for plain words ("通俗点讲", "说人话") and the chance asked of ("有没有机会"):
 * they leave the question's own words to say what it asks.
 */
export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set(
  `的 地 得 之 了 着 过 吗 呢 吧 啊 呀 哇 哈 哈哈 哈哈哈 嘛 呗 啦 哦 噢 喔 嘞 么 咯 喽 嗯 诶 欸 哎 唉 呃 耶
  是 有 在 和 与 及 以及 或 或者 还是 而 并 并且 且 跟 同 对 对于 关于 按照 根据 依照 把 被 给 让 叫 由 从 向 往 于 以 为 因为 所以
  但 但是 可是 不过 如果 要是 的话 那么 就 都 也 还 又 再 才 只 就是 很 太 挺 非常 比较 特别 真 真的 其实 到底 究竟
  我 你 您 他 她 它 我们 你们 他们 她们 咱 咱们 大家 人家 别人 有人 被人 某人 自己 这 那 这个 那个 这些 那些 这样 那样 这么 那么 这种 那种 其 其中
  什么 啥 啥子 咋 咋样 咋办 咋整 咋回事 怎 怎么 怎样 怎么样 怎么办 怎么回事 如何 为什么 为啥 为何 干嘛 干啥 哪 哪些 哪个 哪里
  哪儿 哪位 哪天 哪年 哪种 哪一 几 几个 多少 谁 是否 是不是 有没有 能不能 会不会 要不要 可不可以 有无 何 何时 什么时候 啥时候
  说 讲 谈 写 提 提到 提及 谈到 说到 讲到 讲的 说的 指 指的是 意思 什么意思 啥意思 含义 意味着 代表 表示 叫做 所谓
  要 想 能 会 可以 可能 应该 应当 需要 得到 知道 了解 告诉 请 请问 问 问下 问一下 想问 解释 介绍 一下 下 看 看看 看法
  搞 弄 整 做 办 干吗 用来
  文章 文中 原文 这篇 本文 该文 全文 里 里面 中 内容 具体 主要 东西 事 事情 情况 方面 问题 方式 方法 部分 一点 有关 相关
  一 一个 个 名 位 些 一些 等 等等 们 所 其他 另外 除了 之外 除此之外 还有 以后 之后 以前 之前 后 现在 今后 目前 已经 曾经 一直 总是 一共 总共 然后 后来
  呢么 啥的 什么的 呵呵 嘿嘿 嘻嘻 哟 哒 咧 嗷 咋地 咋的
  什么样 怎么样的 什么样的 这样的 那样的 理解 语境 背景 场合 原话 话 段 那段 这段 那段话 这段话 说法 说白了 简单说 总之 含义 内涵 是指 指啥
  届 次 场 条 项 种 类 批 篇 件 份 点 块 句 一句 一句话 这块 那块 第几 兼 兼任
  觉得 认为 感觉 看来 好像 似乎 据说 听说 到底是 究竟是 一般 通常 主要是 大概 大约 一些 有些 某些 任何 所有 每个 各个 各
  这里 那里 这儿 那儿 这边 那边 里头 其中的 当中 之中 方面的 上面 下面 以上 以下 如下 之类 之类的 等于 比如 例如 譬如
  掉 起来 出来 下来 上来 下去 上去 过来 过去 得了 不了 一点儿 一点点 一会 一会儿 一样 一起 一定 必须 只能 可否 能否
  吧吧 呗呗 嘛嘛 哈哈哈哈 啊啊 呜呜 嘤嘤 笑死 绝了 离谱 真的假的
  挂钩 关联 属于 哪一天 哪一年 哪一次 哪一场 第几场 第几次 第几届 打算 准备 来着 去 这回 这次 那回 那次 啥样 啥样的 咋样的 多大点 直接 马上 立马 就会 会被
  不能 不会 不要 不该 不可以 不许 不准 不得 是吧 对吧 是不是啊 想干嘛 要干嘛
  不 没 没有 别 时候 的时候 那时候 这时候 类型 玩意 玩意儿 啥玩意 啥玩意儿 什么玩意 什么玩意儿 干货 动不动
  受到 分别 瞎 贼 巨 蛮 行 快点 赶紧 来 经常 常常 往往 老是 时不时 偶尔 总 一向 向来 平时 平常 新 更 按 专门 针对 用 官方 消息 东东 套 这套 那套 挂上钩 挂得上钩 信息 这里面 那里面 最早 最先 容易
  肯定 必定 必然 绝对 估计 八成 多半 恐怕 也许 或许 兴许 难道 莫非 反正 毕竟 本来 原本 果然 居然 竟然 简直 几乎 差不多
  基本 基本上 确实 的确 当然 根本 完全 全都 统统 只是 仅仅 单单 倒是 偏偏 非得 非要 总算 终于 刚 刚刚 正在 将要 快要
  就要 依然 仍然 始终 真是 貌似 好歹 迟早 早晚 光 净 都是 全是 就是说 也就是说 换句话说 说实话 讲真 说真的 老实说
  那天 这天 当天 当日 当时 那时 此时 那会 那会儿 这会儿 那一天 这一天 当场 此次 本次 该次 这一次 那一次 此番 这番 本场
  此项 该项 这项 那项 这一 那一 此 该 本 全名 全称
  求 列 列一下 列举 列出 列出来 说说 讲讲 展开说说 展开讲讲 细说 细讲 详细说说 具体说说 聊聊 盘一盘 盘盘 捋一捋 捋捋 梳理一下 机会 可能性
  事儿 这事儿 那事儿 啥事儿 咋回事儿 怎么回事儿 晓得 唠 唠唠 唠一唠 唠一下 唠嗑 侃侃 聊一聊 咋个 啷个
  实际 实际上 事实上 遇到 碰到 遇上 碰上 日子 这波 那波 重点 要点 主旨 大意
  通俗点 通俗地 通俗讲 通俗来说 大白话 简单点 简单讲 简单来说 说人话 讲人话 接地气点 直白点 直白地 系`
    .split(/\s+/)
    .filter(Boolean),
);
