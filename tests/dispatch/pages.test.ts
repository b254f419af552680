import { ApplicationCommandOptionType, InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  botMessage,
  buttonPress,
  dataOption,
  EPHEMERAL,
  GUILD_ID,
  slashCommand,
  type Site,
} from '../support/discord-json.js';
import { buttonLabelled, exchange, testDeps } from '../support/dispatcher.js';

const ASKER = '100000000000000071';
const STRANGER = '100000000000000072';

/** `/quote text:cadres` as a message in the server, public unless hidden, answering ASKER. */
async function quoteMessage(hide: boolean) {
  const deps = testDeps();
  const asked = slashCommand(
    { userId: ASKER, guildId: GUILD_ID },
    {
      name: 'quote',
      options: [
        dataOption('text', ApplicationCommandOptionType.String, 'cadres'),
        dataOption('hide', ApplicationCommandOptionType.Boolean, hide),
      ],
    },
  );
  const [answer] = (await exchange(asked, deps)).sent;
  const on = botMessage(answer!.body, ASKER);
  const next = buttonLabelled(answer!.body, 'Next match ▶')!;
  return { deps, on, press: (site: Site) => exchange(buttonPress(site, next, on), deps) };
}

describe('a page button on an answer', () => {
  it('redraws the answer for the person it answers', async () => {
    const { press } = await quoteMessage(false);
    const { sent } = await press({ userId: ASKER, guildId: GUILD_ID });
    expect(sent.map((s) => s.type)).toEqual([InteractionResponseType.UpdateMessage]);
    expect(sent[0]!.body.embeds?.[0]?.footer?.text).toMatch(/Match 2 of/);
  });

  it('pressed by anyone else, answers them privately with that page and leaves the shared message alone', async () => {
    const { press } = await quoteMessage(false);
    const { sent, outcome, reason } = await press({ userId: STRANGER, guildId: GUILD_ID });
    expect(sent.map((s) => s.type)).toEqual([InteractionResponseType.ChannelMessageWithSource]);
    expect(sent[0]!.body.flags).toBe(EPHEMERAL);
    expect(sent[0]!.body.embeds?.[0]?.footer?.text).toMatch(/Match 2 of/);
    expect([outcome, reason]).toEqual(['answered', 'pressed by someone else: answered privately']);
  });

  it('on a message that names no asker, answers privately too: no one is known to own it', async () => {
    const { deps, on } = await quoteMessage(false);
    const { interaction_metadata: _asker, ...anonymous } = on;
    const next = buttonLabelled({ components: on.components ?? [] }, 'Next match ▶')!;
    const { sent } = await exchange(buttonPress({ userId: ASKER, guildId: GUILD_ID }, next, anonymous), deps);
    expect(sent[0]!.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  it('redraws a private answer in place, and keeps it private with its Share', async () => {
    const { press, on } = await quoteMessage(true);
    expect(on.flags).toBe(EPHEMERAL);
    const { sent } = await press({ userId: ASKER, guildId: GUILD_ID });
    expect(sent.map((s) => s.type)).toEqual([InteractionResponseType.UpdateMessage]);
    expect(buttonLabelled(sent[0]!.body, 'Share')).toBe('share');
  });
});
