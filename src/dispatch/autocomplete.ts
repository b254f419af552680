import { ApplicationCommandType, type APIApplicationCommandAutocompleteInteraction } from 'discord.js';
import { LIMITS } from '../replies/limits.js';
import { answerContext, type DispatchDeps } from './deps.js';
import { readOptionTree } from './options.js';
import { findCommand } from './registry.js';
import { choicesOf } from './responses.js';
import type { Handled } from './result.js';
import { languageOfAsker } from './who.js';

/** Choices for the option being typed in: at most 25, each named and valued in 100 characters. */
export function dispatchAutocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  deps: DispatchDeps,
): Handled {
  const { name } = interaction.data;
  const command = findCommand(ApplicationCommandType.ChatInput, name);
  const base = { kind: 'autocomplete', name } as const;
  if (!command) return { ...base, response: choicesOf([]), outcome: 'expired', reason: 'unknown command' };
  const focused = readOptionTree(interaction.data.options).focused;
  const choices =
    focused && command.kind !== 'admin' && command.autocomplete
      ? command.autocomplete(
          { name: focused.name, value: String(focused.value) },
          answerContext(deps, languageOfAsker(interaction)),
        )
      : [];
  return {
    ...base,
    response: choicesOf(
      choices
        .slice(0, LIMITS.choices)
        .map((c) => ({ name: c.name.slice(0, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) })),
    ),
    outcome: 'answered',
  };
}
