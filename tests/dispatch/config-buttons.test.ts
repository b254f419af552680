import { InteractionResponseType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { PROMPT_LIFETIME_MS } from '../../commands/config.js';
import {
  botMessage,
  buttonPress,
  EPHEMERAL,
  GUILD_ID,
  MANAGE_SERVER,
  slashCommand,
  subcommand,
  type Site,
} from '../support/discord-json.js';
import { buttonLabelled, exchange, testDeps } from '../support/dispatcher.js';

const MOD = '100000000000000061';
const OTHER_MOD = '100000000000000062';
const MEMBER = '100000000000000063';
const POLICY = '200000000000000061';
const moderator = (userId = MOD): Site => ({ userId, guildId: GUILD_ID, permissions: MANAGE_SERVER });

/** A server with one answer channel, and MOD's `/config reset` prompt, as MOD's client holds it. */
async function openPrompt() {
  const deps = testDeps();
  await deps.settings.addChannel(GUILD_ID, POLICY, MOD);
  const reset = slashCommand(moderator(), { name: 'config', options: subcommand(['reset']) });
  const prompt = (await exchange(reset, deps)).sent.at(-1)!.body;
  const on = botMessage({ ...prompt, flags: EPHEMERAL }, MOD);
  const ids = { reset: buttonLabelled(prompt, 'Reset to defaults')!, cancel: buttonLabelled(prompt, 'Cancel')! };
  const press = (site: Site, id: string) => exchange(buttonPress(site, id, on), deps);
  const listed = () => deps.settings.get(GUILD_ID).answerChannels;
  return { deps, ids, press, listed };
}

describe('the buttons under /config reset', () => {
  it('carry who opened the prompt, when, and the settings it showed', async () => {
    const { ids } = await openPrompt();
    expect(ids.reset).toMatch(new RegExp(`^config-reset:${MOD}:[0-9a-z]+:[0-9a-f]{10}$`));
    expect(ids.cancel).toMatch(new RegExp(`^config-cancel:${MOD}:[0-9a-z]+:[0-9a-f]{10}$`));
  });

  it('reset for the moderator who opened the prompt: acknowledged at once, the prompt edited once done', async () => {
    const { ids, press, listed } = await openPrompt();
    const { sent, outcome } = await press(moderator(), ids.reset);
    expect(sent.map((s) => [s.via, s.type ?? null])).toEqual([
      ['response', InteractionResponseType.DeferredMessageUpdate],
      ['edit', null],
    ]);
    expect(sent[1]!.body.embeds?.[0]?.title).toBe('Settings reset');
    expect(outcome).toBe('answered');
    expect(listed()).toEqual([]);
  });

  const refusals: [
    string,
    (prompt: Awaited<ReturnType<typeof openPrompt>>) => Promise<{ sent: { body: { content?: string | null } }[] }>,
    RegExp,
  ][] = [
    [
      'a member without Manage Server (a forged press)',
      ({ press, ids }) => press({ userId: MEMBER, guildId: GUILD_ID }, ids.reset),
      /Only members with the Manage Server permission/,
    ],
    [
      'the moderator, once they no longer have Manage Server',
      ({ press, ids }) =>
        press({ userId: MOD, guildId: GUILD_ID, permissions: PermissionFlagsBits.SendMessages }, ids.reset),
      /Only members with the Manage Server permission/,
    ],
    ['another moderator', ({ press, ids }) => press(moderator(OTHER_MOD), ids.reset), /Only the moderator who ran/],
    [
      'the moderator, after the prompt’s few minutes',
      ({ press, ids, deps }) => {
        deps.clock.now += PROMPT_LIFETIME_MS + 1_000;
        return press(moderator(), ids.reset);
      },
      /This prompt has expired: run `\/config reset` again\./,
    ],
    [
      'the moderator, once the settings changed since the prompt showed them',
      async ({ press, ids, deps }) => {
        await deps.settings.setMentions(GUILD_ID, false, OTHER_MOD);
        return press(moderator(), ids.reset);
      },
      /These settings changed since; run `\/config reset` again\./,
    ],
    ['anyone, in a DM', ({ press, ids }) => press({ userId: MOD }, ids.reset), /only be changed in their server/],
  ];

  it.each(refusals)('refuse %s, privately, and change nothing', async (_who, pressAs, said) => {
    const prompt = await openPrompt();
    const { sent } = await pressAs(prompt);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ content: expect.stringMatching(said), flags: EPHEMERAL });
    expect(prompt.listed()).toEqual([POLICY]);
  });

  it('refuse the old `cfg:reset`, which carried nothing to check, as expired', async () => {
    const { press, listed } = await openPrompt();
    const { outcome, sent } = await press(moderator(), 'cfg:reset');
    expect(outcome).toBe('expired');
    expect(sent[0]!.body.content).toBe('This answer has expired: ask again.');
    expect(listed()).toEqual([POLICY]);
  });

  it('cancel for the moderator who opened the prompt, and refuse another moderator the same way', async () => {
    const { ids, press, listed } = await openPrompt();
    const refused = await press(moderator(OTHER_MOD), ids.cancel);
    expect(refused.sent[0]!.body.content).toMatch(/Only the moderator who ran/);
    const cancelled = await press(moderator(), ids.cancel);
    expect(cancelled.sent.map((s) => s.type)).toEqual([InteractionResponseType.UpdateMessage]);
    expect(cancelled.sent[0]!.body.embeds?.[0]?.title).toBe('Reset cancelled');
    expect(listed()).toEqual([POLICY]);
  });
});
