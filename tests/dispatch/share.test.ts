import { ApplicationCommandOptionType, InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Site } from '../support/discord-json.js';
import { botMessage, buttonPress, dataOption, EPHEMERAL, GUILD_ID, slashCommand } from '../support/discord-json.js';
import { buttonLabelled, exchange, testDeps } from '../support/dispatcher.js';

const ASKER = '100000000000000051';
const inServer: Site = { userId: ASKER, guildId: GUILD_ID };

/** A private answer to /ask in the server, as the asker's client holds it. */
async function privateAnswer(deps: ReturnType<typeof testDeps>) {
  const asked = slashCommand(inServer, {
    name: 'ask',
    options: [
      dataOption('question', ApplicationCommandOptionType.String, 'who gets demoted?'),
      dataOption('hide', ApplicationCommandOptionType.Boolean, true),
    ],
  });
  const [answer] = (await exchange(asked, deps)).sent;
  expect(answer?.body.flags).toBe(EPHEMERAL);
  expect(buttonLabelled(answer!.body, 'Share')).toBe('share');
  return botMessage(answer!.body, ASKER);
}

describe('Share', () => {
  it('spends the button on the private answer and posts the public copy after it', async () => {
    const deps = testDeps();
    const on = await privateAnswer(deps);
    const { sent, outcome } = await exchange(buttonPress(inServer, 'share', on), deps);
    expect(outcome).toBe('answered');
    expect(sent.map((s) => [s.via, s.type ?? null])).toEqual([
      ['response', InteractionResponseType.UpdateMessage],
      ['followUp', null],
    ]);
    const [spent, shared] = sent as [(typeof sent)[0], (typeof sent)[0]];
    expect(buttonLabelled(spent.body, 'Share')).toBeUndefined();
    expect(buttonLabelled(spent.body, 'Shared')).toBe('shared');
    expect(spent.body.embeds).toEqual(on.embeds);
    expect(shared.body).toMatchObject({ content: `Shared by <@${ASKER}>`, allowed_mentions: { parse: [] } });
    expect(shared.body.flags ?? 0).toBe(0);
    expect(shared.body.embeds).toEqual(on.embeds);
    expect(buttonLabelled(shared.body, 'Share')).toBeUndefined();
  });

  it('shares one answer once: a second press of it (a double click, a second client) is told so, privately', async () => {
    const deps = testDeps();
    const on = await privateAnswer(deps);
    expect((await exchange(buttonPress(inServer, 'share', on), deps)).outcome).toBe('answered');
    const again = await exchange(buttonPress(inServer, 'share', on), deps);
    expect([again.outcome, again.reason]).toEqual(['problem', 'shared already']);
    expect(again.sent).toHaveLength(1);
    expect(again.sent[0]!.body).toMatchObject({ content: expect.stringMatching(/shared already/), flags: EPHEMERAL });
    const spent = await exchange(buttonPress(inServer, 'shared', on), deps);
    expect(spent.sent[0]!.body.content).toMatch(/shared already/);
  });

  it('shares only a private answer: a public message is everyone’s already', async () => {
    const deps = testDeps();
    const { flags: _private, ...on } = await privateAnswer(deps);
    const pressed = await exchange(buttonPress(inServer, 'share', on), deps);
    expect(pressed.outcome).toBe('problem');
    expect(pressed.sent.map((s) => s.via)).toEqual(['response']);
  });

  it('counts against fair use: past the limit, a share is refused like an answer', async () => {
    const deps = testDeps();
    const answers = await Promise.all(Array.from({ length: 3 }, () => privateAnswer(deps)));
    for (const on of answers)
      expect((await exchange(buttonPress(inServer, 'share', on), deps)).outcome).toBe('answered');
    // Three answers and three shares: the limit of six per 30 s is reached.
    const over = await exchange(buttonPress(inServer, 'share', await privateAnswer(testDeps())), deps);
    expect(over.outcome).toBe('limited');
    expect(over.sent.map((s) => s.via)).toEqual(['response']);
    expect(over.sent[0]!.body.content).toMatch(/^You are asking faster/);
  });

  it('is refused where the server turned sharing off, posting nothing', async () => {
    const deps = testDeps();
    const on = await privateAnswer(deps);
    await deps.settings.setShare(GUILD_ID, false, ASKER);
    const pressed = await exchange(buttonPress(inServer, 'share', on), deps);
    expect(pressed.sent.map((s) => [s.via, s.body.content])).toEqual([
      ['response', 'Sharing answers is turned off in this server.'],
    ]);
  });
});
