import {
  InteractionType,
  type APIInteraction,
  type APIInteractionResponse,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord.js';
import { languageOf } from '../i18n/words.js';
import type { AnswerPlace } from '../invite/permissions.js';
import { apology, cannotPost } from '../replies/problems.js';
import { placeOf } from './channel-access.js';
import { errorReference } from '../log/reference.js';
import { dispatchAutocomplete } from './autocomplete.js';
import { dispatchButton } from './buttons.js';
import { dispatchCommand } from './commands.js';
import type { DispatchDeps } from './deps.js';
import { problem } from './render.js';
import { choicesOf, followUp, PONG, replyWith } from './responses.js';
import type { Handled, Kind } from './result.js';
import { languageOfAsker } from './who.js';

function kindOf(interaction: APIInteraction): Kind {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      return 'command';
    case InteractionType.ApplicationCommandAutocomplete:
      return 'autocomplete';
    case InteractionType.MessageComponent:
      return 'button';
    default:
      return 'other';
  }
}

function nameOf(interaction: APIInteraction): string | undefined {
  if (interaction.type === InteractionType.MessageComponent) return interaction.data.custom_id.split(':')[0];
  return 'data' in interaction && interaction.data && 'name' in interaction.data ? interaction.data.name : undefined;
}

/**
 * One interaction, as Discord's JSON, to what to send back: the response for Discord (in an HTTP
 * body, or through the callback route), and any work after it. Whatever fails is answered with an
 * apology and a reference, and reported with the failure; this never rejects.
 */
export async function dispatchInteraction(interaction: APIInteraction, deps: DispatchDeps): Promise<Handled> {
  try {
    switch (interaction.type) {
      case InteractionType.Ping:
        return { kind: 'other', name: undefined, response: PONG, outcome: 'answered' };
      case InteractionType.ApplicationCommand:
        return await dispatchCommand(interaction, deps);
      case InteractionType.ApplicationCommandAutocomplete:
        return dispatchAutocomplete(interaction, deps);
      case InteractionType.MessageComponent:
        return await dispatchButton(interaction, deps);
      default:
        return {
          kind: 'other',
          name: undefined,
          response: undefined,
          outcome: 'ignored',
          reason: 'not an interaction the bot makes',
        };
    }
  } catch (error) {
    const ref = errorReference();
    const kind = kindOf(interaction);
    // Autocomplete takes only choices: none is the quiet way to fail there.
    const response =
      kind === 'autocomplete' ? choicesOf([]) : replyWith(problem(apology(ref, languageOfAsker(interaction))));
    return { kind, name: nameOf(interaction), response, outcome: 'error', failure: { error, ref } };
  }
}

/**
 * The apology for a reply that could not be sent (the transport's failure, not the dispatcher's),
 * in the language of the interaction's `locale` when the transport gives it.
 */
export function apologyResponse(ref: string, locale?: string): APIInteractionResponse {
  return replyWith(problem(apology(ref, languageOf(locale))));
}

/** The same, once the response was sent: as a follow-up, only for the person. */
export function apologyFollowUp(ref: string, locale?: string): RESTPostAPIWebhookWithTokenJSONBody {
  return followUp(problem(apology(ref, languageOf(locale))));
}

/** Where an interaction was used: its channel's id, and whether that is a thread. */
function channelOf(interaction: APIInteraction): { readonly id: string; readonly place: AnswerPlace } | undefined {
  const id = interaction.channel?.id ?? interaction.channel_id;
  return id === undefined ? undefined : { id, place: placeOf(interaction.channel?.type) };
}

/**
 * For a public reply Discord refused for lack of permission in the channel: the asker is told,
 * privately, which channel and what the bot needs there. As the response when none was sent yet,
 * or as a follow-up once it was; undefined for an interaction that names no channel.
 */
export function cannotPostResponse(interaction: APIInteraction): APIInteractionResponse | undefined {
  const channel = channelOf(interaction);
  return channel && replyWith(problem(cannotPost(channel.id, channel.place, languageOfAsker(interaction))));
}

export function cannotPostFollowUp(interaction: APIInteraction): RESTPostAPIWebhookWithTokenJSONBody | undefined {
  const channel = channelOf(interaction);
  return channel && followUp(problem(cannotPost(channel.id, channel.place, languageOfAsker(interaction))));
}
