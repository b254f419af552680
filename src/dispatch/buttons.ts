import { ComponentType, type APIMessageComponentInteraction } from 'discord.js';
import type { Press, Pressing } from '../answers/buttons.js';
import type { Language } from '../i18n/words.js';
import { isProblem } from '../replies/answer.js';
import { decodeAction } from '../replies/custom-id.js';
import { apology, expired, sharedAlready } from '../replies/problems.js';
import { SHARE_ACTION, SHARED_ACTION, type MessagePayload } from '../replies/render.js';
import { errorReference } from '../log/reference.js';
import { answerContext, type DispatchDeps } from './deps.js';
import { placeAnswer } from './placement.js';
import { BUTTONS } from './registry.js';
import { PRIVATE, problem, render } from './render.js';
import { DEFER_UPDATE, followUp, replyWith, rewritten, updateWith } from './responses.js';
import type { Handled, Later } from './result.js';
import { share } from './share.js';
import { withTranslationNote } from './translation-note.js';
import { isEphemeral, languageOfAsker, pressedByOwner, presserOf, userOf } from './who.js';

type Response = Omit<Handled, 'kind' | 'name'>;

/**
 * A button press, answered in the presser's language. The custom_id is read by its verb, once;
 * one that no longer makes sense is answered "expired", only to the presser, and the message
 * stays as it was.
 */
export async function dispatchButton(
  interaction: APIMessageComponentInteraction,
  deps: DispatchDeps,
): Promise<Handled> {
  const { custom_id: customId } = interaction.data;
  const name = customId.split(':')[0];
  const base = { kind: 'button', name } as const;
  const language = languageOfAsker(interaction);
  if (customId === SHARE_ACTION) return share(interaction, deps);
  if (customId === SHARED_ACTION)
    return {
      ...base,
      response: replyWith(problem(sharedAlready(language))),
      outcome: 'problem',
      reason: 'shared already',
    };
  const verb = interaction.data.component_type === ComponentType.Button ? BUTTONS.get(name ?? '') : undefined;
  const action = verb && decodeAction(customId, verb.arity);
  const pressing = verb && action ? verb.open(action.args, answerContext(deps, language)) : undefined;
  if (!pressing)
    return {
      ...base,
      response: replyWith(problem(expired(language))),
      outcome: 'expired',
      reason: 'unknown or stale button',
    };
  return {
    ...base,
    ...(pressing.kind === 'answer'
      ? await pageOf(pressing.press(), interaction, deps, language)
      : change(pressing, interaction, deps, language)),
  };
}

/**
 * A page of an answer. It redraws the message only for the person it was for; anyone else gets
 * the page privately, and the shared message stays as it was. Share is offered on answers only
 * where the server lets answers be shared.
 */
async function pageOf(
  press: Press,
  interaction: APIMessageComponentInteraction,
  deps: DispatchDeps,
  language: Language,
): Promise<Response> {
  const ephemeral = isEphemeral(interaction.message);
  const shareable = placeAnswer(interaction, deps.settings, true, language).shareable;
  const outcome = isProblem(press.reply) ? 'problem' : 'answered';
  const footer = deps.footer(language);
  const drawn = async (placement: { ephemeral: boolean; shareable: boolean }): Promise<MessagePayload> => {
    const { payload, problem: isAProblem } = render(press.reply, placement, language, footer);
    const userId = userOf(interaction)?.id ?? '';
    return isAProblem ? payload : withTranslationNote(payload, language, userId, deps.toldTranslation);
  };
  if (press.mode === 'update' && !isProblem(press.reply) && pressedByOwner(interaction)) {
    return { response: updateWith(await drawn({ ephemeral, shareable: ephemeral && shareable })), outcome };
  }
  const reason =
    press.mode === 'update' && !isProblem(press.reply) ? 'pressed by someone else: answered privately' : undefined;
  return {
    response: replyWith(await drawn({ ephemeral: true, shareable })),
    outcome,
    ...(reason ? { reason } : {}),
  };
}

/** What a settings press answers: a redrawn prompt, or a problem for the presser alone. */
function asSent(press: Press, language: Language, footer: string): { update: boolean; payload: MessagePayload } {
  const update = press.mode === 'update' && !isProblem(press.reply);
  return { update, payload: render(press.reply, PRIVATE, language, footer).payload };
}

/**
 * A press that changes settings. Refused at once, it answers at once; waiting on storage, it is
 * acknowledged at once (the prompt left as it is) and its answer edited in.
 */
function change(
  pressing: Extract<Pressing, { kind: 'settings' }>,
  interaction: APIMessageComponentInteraction,
  deps: DispatchDeps,
  language: Language,
): Response {
  const footer = deps.footer(language);
  const pressed = pressing.press({
    context: answerContext(deps, language),
    settings: deps.settings,
    now: deps.now(),
    presser: presserOf(interaction),
  });
  if (!(pressed instanceof Promise)) {
    const { update, payload } = asSent(pressed, language, footer);
    return {
      response: update ? updateWith(payload) : replyWith(payload),
      outcome: isProblem(pressed.reply) ? 'problem' : 'answered',
    };
  }
  const later = pressed.then(
    (press): Later => {
      const { update, payload } = asSent(press, language, footer);
      return {
        actions: [update ? { edit: '@original', body: rewritten(payload) } : { followUp: followUp(payload) }],
        outcome: isProblem(press.reply) ? 'problem' : 'answered',
      };
    },
    (error: unknown): Later => {
      const ref = errorReference();
      return {
        actions: [{ followUp: followUp(problem(apology(ref, language))) }],
        outcome: 'error',
        failure: { error, ref },
      };
    },
  );
  return { response: DEFER_UPDATE, outcome: 'answered', later };
}
