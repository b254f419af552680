import { ApplicationCommandType, type APIApplicationCommandInteraction } from 'discord.js';
import { isProblem } from '../replies/answer.js';
import { apology, slowDown, unknownCommand } from '../replies/problems.js';
import { errorReference } from '../log/reference.js';
import type { AdminCommand, AnswerCommand } from './command.js';
import { answerContext, type DispatchDeps } from './deps.js';
import { accessFrom, UNKNOWN_ACCESS, type ChannelAccess } from './channel-access.js';
import { resolvedChannels } from './options.js';
import { placeAnswer } from './placement.js';
import { findCommand } from './registry.js';
import { PRIVATE, problem, render } from './render.js';
import { DEFER_PRIVATELY, replyWith, rewritten } from './responses.js';
import type { Handled, Later } from './result.js';
import { withTranslationNote } from './translation-note.js';
import { languageOfAsker, userOf } from './who.js';

/** A slash command or a message's menu command. */
export async function dispatchCommand(
  interaction: APIApplicationCommandInteraction,
  deps: DispatchDeps,
): Promise<Handled> {
  const { name, type } = interaction.data;
  const command = findCommand(type, name);
  const base = { kind: 'command', name } as const;
  if (!command)
    return {
      ...base,
      response: replyWith(problem(unknownCommand(languageOfAsker(interaction)))),
      outcome: 'expired',
      reason: 'unknown command',
    };
  return command.kind === 'admin'
    ? { ...base, ...runAdmin(command, interaction, deps) }
    : { ...base, ...(await answer(command, interaction, deps)) };
}

type Response = Omit<Handled, 'kind' | 'name'>;

/**
 * Fair use, then the answer from the cache or the command, in the asker's language, placed by
 * the server's settings; a first answer in Chinese says once that the quotes are the English text.
 */
async function answer(
  command: AnswerCommand,
  interaction: APIApplicationCommandInteraction,
  deps: DispatchDeps,
): Promise<Response> {
  const userId = userOf(interaction)?.id ?? '';
  const language = languageOfAsker(interaction);
  if (command.kind === 'answer') {
    const verdict = await deps.fairUse.check(userId, deps.now());
    // Told every time: a slash command must be acknowledged, and the refusal is only for the asker.
    if (!verdict.allowed)
      return { response: replyWith(problem(slowDown(verdict.retryInSeconds, language))), outcome: 'limited' };
  }
  const asked = command.read(interaction.data, language);
  if ('problem' in asked) return { response: replyWith(problem(asked.problem)), outcome: 'problem' };
  const placement =
    command.kind === 'info' || command.privately
      ? PRIVATE
      : placeAnswer(interaction, deps.settings, asked.hide, language);
  const draw = () => render(asked.answer(answerContext(deps, language)), placement, language, deps.footer(language));
  // Only answers are cached: they depend on nothing but their options, the language and the article.
  const rendered =
    command.kind === 'answer'
      ? deps.answers.get(
          `${command.definition.type ?? ApplicationCommandType.ChatInput}:${command.definition.name}`,
          asked.key,
          language,
          placement,
          draw,
        )
      : draw();
  if (rendered.problem) return { response: replyWith(rendered.payload), outcome: 'problem' };
  const payload =
    command.kind === 'answer'
      ? await withTranslationNote(rendered.payload, language, userId, deps.toldTranslation)
      : rendered.payload;
  return { response: replyWith(payload), outcome: 'answered' };
}

/**
 * Whether the bot can answer in a channel: in the interaction's own channel Discord says, in
 * `app_permissions`; elsewhere the transport's knowledge (a resolved channel's `permissions` are
 * the moderator's, not the bot's).
 */
function accessIn(
  interaction: APIApplicationCommandInteraction,
  deps: DispatchDeps,
  channelId: string,
): Promise<ChannelAccess> {
  const guildId = interaction.guild_id;
  if (!guildId) return Promise.resolve(UNKNOWN_ACCESS);
  if (interaction.channel.id === channelId && /^\d+$/.test(interaction.app_permissions))
    return Promise.resolve(accessFrom(BigInt(interaction.app_permissions), interaction.channel.type));
  return deps.channelAccess(guildId, channelId);
}

/** Acknowledged at once, privately; the answer, once storage has answered, edits the acknowledgement. */
function runAdmin(command: AdminCommand, interaction: APIApplicationCommandInteraction, deps: DispatchDeps): Response {
  const language = languageOfAsker(interaction);
  const order = command.read(interaction.data, language);
  if ('problem' in order) return { response: replyWith(problem(order.problem)), outcome: 'problem' };
  const run = async (): Promise<Later> => {
    try {
      const reply = await order.run({
        context: answerContext(deps, language),
        settings: deps.settings,
        now: deps.now(),
        userId: userOf(interaction)?.id ?? '',
        guildId: interaction.guild_id ?? null,
        channels: resolvedChannels(
          interaction.data.type === ApplicationCommandType.ChatInput ? interaction.data.resolved : undefined,
        ),
        access: (channelId) => accessIn(interaction, deps, channelId),
      });
      const rendered = render(reply, PRIVATE, language, deps.footer(language));
      return {
        actions: [{ edit: '@original', body: rewritten(rendered.payload) }],
        outcome: isProblem(reply) ? 'problem' : 'answered',
      };
    } catch (error) {
      const ref = errorReference();
      return {
        actions: [{ edit: '@original', body: rewritten(problem(apology(ref, language))) }],
        outcome: 'error',
        failure: { error, ref },
      };
    }
  };
  return { response: DEFER_PRIVATELY, outcome: 'answered', later: run() };
}
