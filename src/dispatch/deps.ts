import type { AnswerContext, ArticleContext } from '../answers/context.js';
import { loadCorpus } from '../corpus/load.js';
import { sourceLine } from '../replies/source-line.js';
import { LANGUAGES, type Language } from '../i18n/words.js';
import { articleSearch } from '../search/search.js';
import type { SettingsStore } from '../settings/index.js';
import { AnswerCache } from './answer-cache.js';
import { SlidingWindowLimit, type FairUse } from '../settings/fair-use.js';
import { cannotTell, type ChannelAccessCheck } from './channel-access.js';
import { MemoryLedger, type Ledger } from './ledger.js';

/**
 * What the dispatcher works with besides the interaction or message itself: the article, the
 * settings, the clock and the bot's identity, and the state kept between requests (the fair-use
 * limit, the answer cache, who was welcomed, which answers were shared). Every stateful part is
 * an interface, so that a transport running many processes can share them.
 */
export interface DispatchDeps {
  /** The article and its search; each request adds the asker's language to make an AnswerContext. */
  readonly context: ArticleContext;
  readonly settings: SettingsStore;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** The bot's own user id: its mentions, and its own messages coming back. */
  readonly botId: string;
  /** Names the source under every answer, in the asker's language. */
  readonly footer: (language: Language) => string;
  readonly fairUse: FairUse;
  readonly answers: AnswerCache;
  /** People welcomed in DMs already. */
  readonly welcomed: Ledger;
  /** Private answers shared already, by message id. */
  readonly shared: Ledger;
  /** People told, on their first answer in Chinese, that the article is an English translation. */
  readonly toldTranslation: Ledger;
  /**
   * The channel a thread belongs to, for a message in a thread (a message does not say): the
   * gateway knows it from its channel cache.
   */
  readonly threadParent: (channelId: string) => string | null | undefined;
  /**
   * Whether the bot can answer in a channel of a server: the gateway reads its cache, a process
   * without one cannot tell. The interaction's own channel is read from its `app_permissions`.
   */
  readonly channelAccess: ChannelAccessCheck;
  /** PRIVACY_URL, which /help links. */
  readonly privacyUrl: string | undefined;
}

/** At most this many people remembered as welcomed (or told of the translation), and this many answers as shared. */
const WELCOMED_LIMIT = 50_000;
const SHARED_LIMIT = 50_000;

/** The shipped article and its search, loaded and verified once per process. */
export function shippedArticle(): ArticleContext {
  return { corpus: loadCorpus(), search: articleSearch() };
}

/** What answering needs for one request: the article, and the language of the person asking. */
export function answerContext(deps: DispatchDeps, language: Language): AnswerContext {
  return { ...deps.context, language, privacyUrl: deps.privacyUrl };
}

/** The dispatcher's usual dependencies: the shipped article, and state in this process's memory. */
export function dispatchDeps(options: {
  readonly settings: SettingsStore;
  readonly botId: string;
  readonly context?: ArticleContext;
  readonly now?: () => number;
  readonly fairUse?: FairUse;
  readonly threadParent?: (channelId: string) => string | null | undefined;
  readonly channelAccess?: ChannelAccessCheck;
  readonly privacyUrl?: string | undefined;
}): DispatchDeps {
  const context = options.context ?? shippedArticle();
  const footers = new Map(LANGUAGES.map((language) => [language, sourceLine(context.corpus, language)]));
  return {
    context,
    settings: options.settings,
    now: options.now ?? Date.now,
    botId: options.botId,
    footer: (language) => footers.get(language) ?? sourceLine(context.corpus, language),
    fairUse: options.fairUse ?? new SlidingWindowLimit(),
    answers: new AnswerCache(),
    welcomed: new MemoryLedger(WELCOMED_LIMIT),
    shared: new MemoryLedger(SHARED_LIMIT),
    toldTranslation: new MemoryLedger(WELCOMED_LIMIT),
    threadParent: options.threadParent ?? (() => undefined),
    privacyUrl: options.privacyUrl,
    channelAccess: options.channelAccess ?? cannotTell,
  };
}
