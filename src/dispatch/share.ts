import type { APIMessageComponentInteraction } from 'discord.js';
import { sharedAlready, slowDown } from '../replies/problems.js';
import { sharedAnswer, spentShare } from '../replies/shared-answer.js';
import type { DispatchDeps } from './deps.js';
import { shareRefusal } from './placement.js';
import { problem } from './render.js';
import { followUp, replyWith, updateWith } from './responses.js';
import type { Handled } from './result.js';
import { isEphemeral, languageOfAsker, userOf } from './who.js';

/**
 * "Share": the private answer, posted once for everyone. The press spends the button (the
 * private message is redrawn with "Shared", disabled) and the public copy follows; it counts
 * against the sharer's fair use, and a second press of the same answer says it was shared. The
 * answer is posted as it was written; the words around it are the sharer's language.
 */
export async function share(interaction: APIMessageComponentInteraction, deps: DispatchDeps): Promise<Handled> {
  const base = { kind: 'button', name: 'share' } as const;
  const { message } = interaction;
  const language = languageOfAsker(interaction);
  const refusal = shareRefusal(interaction, deps.settings, language);
  if (refusal) return { ...base, response: replyWith(problem(refusal)), outcome: 'problem' };
  // A public message is everyone's already: only a private answer can be shared.
  if (!isEphemeral(message))
    return { ...base, response: replyWith(problem(sharedAlready(language))), outcome: 'problem' };
  const sharerId = userOf(interaction)?.id ?? '';
  const verdict = await deps.fairUse.check(sharerId, deps.now());
  if (!verdict.allowed)
    return {
      ...base,
      response: replyWith(problem(slowDown(verdict.retryInSeconds, language))),
      outcome: 'limited',
    };
  if (!(await deps.shared.firstTime(message.id)))
    return {
      ...base,
      response: replyWith(problem(sharedAlready(language))),
      outcome: 'problem',
      reason: 'shared already',
    };
  return {
    ...base,
    response: updateWith(spentShare(message, language)),
    outcome: 'answered',
    later: Promise.resolve({
      actions: [{ followUp: followUp(sharedAnswer(message, sharerId, language)) }],
      outcome: 'answered',
    }),
  };
}
