import { DiscordAPIError } from '@discordjs/rest';
import { ApplicationCommandOptionType, Locale, type RESTPostAPIWebhookWithTokenJSONBody } from 'discord.js';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { cannotPostFollowUp, cannotPostResponse } from '../../src/dispatch/index.js';
import { failedToSend, type Telling } from '../../src/transport/later.js';
import { PostRefusals } from '../../src/transport/post-refusals.js';
import { dataOption, GUILD_ID, slashCommand } from '../support/discord-json.js';

interface Line {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

function capture(): { logger: pino.Logger; lines: Line[] } {
  const lines: Line[] = [];
  return {
    logger: pino({ level: 'info' }, { write: (text: string) => void lines.push(JSON.parse(text) as Line) }),
    lines,
  };
}

const refusedWith = (code: number, message: string): DiscordAPIError =>
  new DiscordAPIError({ code, message }, code, 403, 'POST', 'https://discord.test/api/v10/webhooks/1/token', {});

const askIn = (channelId: string, locale?: Locale) =>
  slashCommand(
    { userId: '100000000000000031', guildId: GUILD_ID, channelId, ...(locale ? { locale } : {}) },
    { name: 'ask', options: [dataOption('question', ApplicationCommandOptionType.String, 'who gets demoted?')] },
  );

/** What the person was told, by which way. */
function recorder(): { telling: Telling; told: string[] } {
  const told: string[] = [];
  return {
    told,
    telling: {
      apologise: (ref) => (told.push(`apology ${ref}`), Promise.resolve()),
      cannotPost: () => (told.push('cannot post'), Promise.resolve()),
    },
  };
}

const handled = { kind: 'command', name: 'ask' } as const;

describe('a public reply Discord refuses for lack of permission', () => {
  it('tells the asker privately that the bot cannot post there, and logs it once per channel', async () => {
    const { logger, lines } = capture();
    const refusals = new PostRefusals();
    const endings = [];
    const tellings = [];
    for (const [channel, code] of [
      ['200000000000000041', 50013],
      ['200000000000000041', 50013],
      ['200000000000000042', 50001],
    ] as const) {
      const { telling, told } = recorder();
      endings.push(await failedToSend({ logger, refusals }, handled, askIn(channel), refusedWith(code, 'x'), telling));
      tellings.push(told);
    }
    expect(tellings).toEqual([['cannot post'], ['cannot post'], ['cannot post']]);
    expect(endings).toEqual(Array(3).fill({ outcome: 'error', reason: 'missing permission in the channel' }));
    expect(lines.map(({ level, guild, channel, code }) => ({ level, guild, channel, code }))).toEqual([
      { level: 40, guild: GUILD_ID, channel: '200000000000000041', code: 50013 },
      { level: 40, guild: GUILD_ID, channel: '200000000000000042', code: 50001 },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/demoted|token/);
  });

  it('remembers a bounded number of channels: the oldest is forgotten, and logged again', async () => {
    const { logger, lines } = capture();
    const refusals = new PostRefusals(2);
    for (const channel of ['1', '2', '3', '4', '1']) await refusals.note(logger, { channel }, 50013);
    expect(lines.map((line) => line['channel'])).toEqual(['1', '2', '3', '4', '1']);
    for (const channel of ['4', '4']) await refusals.note(logger, { channel }, 50013);
    expect(lines).toHaveLength(5);
  });

  it('any other failure is still an apology with a reference', async () => {
    const { logger, lines } = capture();
    const { telling, told } = recorder();
    const ending = await failedToSend(
      { logger, refusals: new PostRefusals() },
      handled,
      askIn('200000000000000043'),
      refusedWith(50035, 'Invalid Form Body'),
      telling,
    );
    expect(ending.failure?.ref).toMatch(/\S/);
    expect(told).toEqual([`apology ${ending.failure?.ref}`]);
    expect(lines.map((line) => line.level)).toEqual([50]);
  });

  it('words the private notice in the asker’s language, naming the channel and what to grant', () => {
    const english = cannotPostFollowUp(askIn('200000000000000044')) as RESTPostAPIWebhookWithTokenJSONBody;
    expect(english.content).toBe(
      'I can’t post in <#200000000000000044>; ask a moderator to let me (I need View Channel, Send Messages, ' +
        'Embed Links, Read Message History there).',
    );
    expect(english.flags).toBe(64);
    expect(english.allowed_mentions).toEqual({ parse: [] });
    const chinese = cannotPostResponse(askIn('200000000000000044', Locale.ChineseCN));
    expect(chinese).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(chinese)).toContain('我无法在 <#200000000000000044> 中发帖');
  });
});
