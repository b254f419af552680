import type { Language } from '../i18n/words.js';
import { isProblem, type Reply } from '../replies/answer.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../replies/render.js';
import type { Rendered } from './answer-cache.js';
import type { Placement } from './placement.js';

/** Only the person it answers sees it, and it offers no Share: /help, /config, a press's own reply. */
export const PRIVATE: Placement = { ephemeral: true, shareable: false };

/** A reply laid out as placed, in the asker's language: a problem is always said privately. */
export function render(reply: Reply, placement: Placement, language: Language, footer: string): Rendered {
  if (isProblem(reply)) return { payload: renderProblem(reply), problem: true };
  const { ephemeral, shareable, notice } = placement;
  const payload = renderAnswer(reply, { language, ephemeral, shareable, footer, ...(notice ? { notice } : {}) });
  return { payload, problem: false };
}

/** Something the dispatcher itself has to say, privately. */
export function problem(text: string): MessagePayload {
  return renderProblem({ problem: text });
}
