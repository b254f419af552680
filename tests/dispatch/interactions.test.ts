import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  type APIModalSubmitInteraction,
  type APIPingInteraction,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { dispatchInteraction } from '../../src/dispatch/index.js';
import { findCommand, isSlash } from '../../src/dispatch/registry.js';
import {
  APP_ID,
  autocomplete,
  botMessage,
  dataOption,
  GUILD_ID,
  MANAGE_SERVER,
  message,
  messageMenu,
  slashCommand,
  subcommand,
} from '../support/discord-json.js';
import { exchange, testDeps } from '../support/dispatcher.js';

const ASKER = '100000000000000021';
const dm = { userId: ASKER };
const ask = (question: string) =>
  slashCommand(dm, {
    name: 'ask',
    options: [dataOption('question', ApplicationCommandOptionType.String, question)],
  });

describe('the dispatcher, one interaction at a time', () => {
  it('answers PING with PONG, needing nothing else', async () => {
    const ping: APIPingInteraction = {
      id: '1',
      application_id: APP_ID,
      type: InteractionType.Ping,
      token: 't',
      version: 1,
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      attachment_size_limit: 0,
    };
    const handled = await dispatchInteraction(ping, testDeps());
    expect(handled.response).toEqual({ type: InteractionResponseType.Pong });
    expect(handled.outcome).toBe('answered');
  });

  it('answers an answer command at once, with the answer itself (no second request needed)', async () => {
    const { handled, sent, outcome } = await exchange(ask('who gets demoted?'), testDeps());
    expect(handled.later).toBeUndefined();
    expect(sent.map((s) => [s.via, s.type])).toEqual([['response', InteractionResponseType.ChannelMessageWithSource]]);
    expect(sent[0]!.body.embeds?.[0]?.description).toMatch(/— ¶4/);
    expect(outcome).toBe('answered');
  });

  it('answers a repeated question from the cache: the same payload, not a second search', async () => {
    const deps = testDeps();
    await exchange(ask('what is a lion pack?'), deps);
    const before = deps.answers.stats;
    await exchange(ask('what is a lion pack?'), deps);
    expect(deps.answers.stats).toEqual({ hits: before.hits + 1, misses: before.misses });
  });

  it('answers an admin command privately at once, then edits in the answer once storage has it', async () => {
    const config = slashCommand(
      { userId: ASKER, guildId: GUILD_ID, permissions: MANAGE_SERVER },
      { name: 'config', options: subcommand(['show']) },
    );
    const { sent, outcome } = await exchange(config, testDeps());
    expect(sent.map((s) => [s.via, s.type ?? null])).toEqual([
      ['response', InteractionResponseType.DeferredChannelMessageWithSource],
      ['edit', null],
    ]);
    expect(sent[0]!.body.flags).toBe(64);
    expect(sent[1]!.body.embeds?.[0]?.title).toBe('Settings for this server');
    expect(outcome).toBe('answered');
  });

  it('answers a command it does not know with "expired", privately', async () => {
    const gone = slashCommand(dm, { name: 'weather' });
    const { sent, outcome, reason } = await exchange(gone, testDeps());
    expect(sent[0]!.body).toMatchObject({ content: expect.stringMatching(/I do not know this command/), flags: 64 });
    expect([outcome, reason]).toEqual(['expired', 'unknown command']);
  });

  it('answers options that fail their command’s checks with what the option takes', async () => {
    const wrong = slashCommand(dm, { name: 'goals', options: [dataOption('number', undefined, 9)] });
    const { sent, outcome } = await exchange(wrong, testDeps());
    expect(sent[0]!.body.content).toBe('`number` takes a whole number from 1 to 5: try `/goals` again.');
    expect(outcome).toBe('problem');
  });

  it('reads "Find in the article" from the message it is used on, and answers only the presser', async () => {
    const target = message({ authorId: '100000000000000099', content: 'who gets demoted?' });
    const { sent, outcome } = await exchange(messageMenu(dm, target), testDeps());
    expect(sent[0]!.body.flags).toBe(64);
    expect(sent[0]!.body.embeds?.[0]?.description).toMatch(/— ¶4/);
    expect(outcome).toBe('answered');
  });

  it('autocompletes from the command’s own suggestions, at most 25', async () => {
    const quote = findCommand(ApplicationCommandType.ChatInput, 'quote')!.definition;
    if (!isSlash(quote)) throw new Error('not a slash command');
    const { handled } = await exchange(autocomplete(dm, quote, 'text', 'lion'), testDeps());
    expect(handled.response?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = handled.response && 'data' in handled.response ? handled.response.data : undefined;
    expect(JSON.stringify(choices)).toMatch(/lion/);
  });

  it('apologises with a reference when a command fails, and reports the failure with that reference', async () => {
    const command = findCommand(ApplicationCommandType.ChatInput, 'ask')!;
    if (command.kind === 'admin') throw new Error('/ask is an answer');
    const original = command.read;
    command.read = () => {
      throw new Error('the command broke');
    };
    try {
      const { handled, sent, outcome } = await exchange(ask('who gets demoted?'), testDeps());
      expect(outcome).toBe('error');
      const ref = /\(ref: ([0-9A-F]{6})\)/.exec(sent[0]!.body.content ?? '')?.[1];
      expect(ref).toBe(handled.failure?.ref);
      expect(sent[0]!.body.flags).toBe(64);
      expect(handled.failure?.error).toMatchObject({ message: 'the command broke' });
    } finally {
      command.read = original;
    }
  });

  it('leaves alone what the bot never asks for (a modal submitted), saying so', async () => {
    const modal: APIModalSubmitInteraction = {
      ...ask('x'),
      type: InteractionType.ModalSubmit,
      data: { custom_id: 'form', components: [] },
    };
    const { handled, sent } = await exchange(modal, testDeps());
    expect(sent).toEqual([]);
    expect([handled.outcome, handled.reason]).toEqual(['ignored', 'not an interaction the bot makes']);
  });

  it('answers a select menu on its message (the bot draws none) as expired', async () => {
    const on = botMessage({ components: [] }, ASKER);
    const select = {
      ...slashCommand(dm, { name: 'x' }),
      type: InteractionType.MessageComponent as const,
      data: { custom_id: 'goals:1', component_type: ComponentType.StringSelect as const, values: ['1'] },
      message: on,
    };
    expect((await exchange(select, testDeps())).outcome).toBe('expired');
  });
});
