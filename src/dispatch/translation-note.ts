import { t, type Language } from '../i18n/words.js';
import { LIMITS } from '../replies/limits.js';
import type { MessagePayload } from '../replies/render.js';
import type { Ledger } from './ledger.js';

/**
 * A person's first answer in Chinese says, once, above the answer, that the article is an
 * English translation and its quotes are given in English: Chinese all around, the quotes
 * would otherwise look untranslated by mistake. The payload is a copy (cached ones are shared).
 */
export async function withTranslationNote(
  payload: MessagePayload,
  language: Language,
  userId: string,
  told: Ledger,
): Promise<MessagePayload> {
  if (language === 'en' || userId === '' || !(await told.firstTime(userId))) return payload;
  const note = t(language, 'translation');
  const content = payload.content ? `${payload.content}\n\n${note}` : note;
  return { ...payload, content: content.length <= LIMITS.content ? content : (payload.content ?? note) };
}
