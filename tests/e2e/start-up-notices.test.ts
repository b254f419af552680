import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/gateway/start.js';
import { inviteLinks } from '../../src/invite/links.js';
import { LocalDiscord } from '../../src/sandbox/index.js';
import { openSettingsStore } from '../../src/settings/index.js';
import { LEVEL, type LogLine } from './support.js';

const running: { discord: LocalDiscord; bot?: RunningBot; dataDir: string }[] = [];
afterEach(async () => {
  for (const { discord, bot, dataDir } of running.splice(0)) {
    await bot?.stop();
    await discord.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Starts the bot on `discord` with `dataDir`; resolves once it is ready, with what it logged and announced. */
async function start(discord: LocalDiscord, dataDir: string): Promise<{ logs: LogLine[]; announced: string[] }> {
  const logs: LogLine[] = [];
  const announced: string[] = [];
  const logger = pino({ level: 'info' }, { write: (text: string) => void logs.push(JSON.parse(text) as LogLine) });
  const entry: (typeof running)[number] = { discord, dataDir };
  running.push(entry);
  entry.bot = await startBot({
    token: discord.botToken,
    applicationId: discord.applicationId,
    restApi: discord.restApi,
    dataDir,
    logger,
    announce: (words) => announced.push(words),
  });
  return { logs, announced };
}

const freshDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'policy-bot-start-'));

describe('npm start, once ready', () => {
  it('in no server yet: logs the add-to-server link at info and says it in words, once', async () => {
    const discord = await LocalDiscord.start();
    discord.world.removeBotFrom(discord.world.defaultGuild.id);
    const { logs, announced } = await start(discord, await freshDir());
    const link = inviteLinks(discord.applicationId).server;
    const lines = logs.filter((line) => line['invite'] !== undefined);
    expect(lines).toEqual([expect.objectContaining({ level: LEVEL.info, invite: link })]);
    expect(announced).toEqual([expect.stringContaining(`is in no server yet. Add it to one`)]);
    expect(announced[0]).toContain(link);
  });

  it('in a server already: no invite link', async () => {
    const discord = await LocalDiscord.start();
    const { logs, announced } = await start(discord, await freshDir());
    expect(logs.some((line) => line['invite'] !== undefined)).toBe(false);
    expect(announced).toEqual([]);
  });

  it('names, once, each server where no answer channel lets it answer: ids and what is missing, no names', async () => {
    const discord = await LocalDiscord.start();
    const { world } = discord;
    const silent = world.addGuild('Silent');
    const first = world.channel(silent.id, 'answers');
    const second = world.channel(silent.id, 'more-answers');
    const botRole = world.botRole(silent.id);
    world.setOverwrite(first.id, { id: botRole.id, type: 0 }, { deny: PermissionFlagsBits.SendMessages });
    world.setOverwrite(second.id, { id: silent.id, type: 0 }, { deny: PermissionFlagsBits.EmbedLinks });
    // A server with one good answer channel beside a bad one still has somewhere to answer.
    const partly = world.addGuild('Partly');
    const good = world.channel(partly.id, 'good');
    const bad = world.channel(partly.id, 'bad');
    world.setOverwrite(bad.id, { id: world.botRole(partly.id).id, type: 0 }, { deny: PermissionFlagsBits.ViewChannel });
    const mod = world.member('moderator-name', { guildId: silent.id, manageGuild: true });

    const dataDir = await freshDir();
    const store = openSettingsStore({ dataDir });
    await store.addChannel(silent.id, first.id, mod.id);
    await store.addChannel(silent.id, second.id, mod.id);
    await store.addChannel(partly.id, good.id, mod.id);
    await store.addChannel(partly.id, bad.id, mod.id);
    store.close();

    const { logs } = await start(discord, dataDir);
    const warned = logs.filter((line) => line.level === LEVEL.warn && line.msg?.includes('cannot answer in any'));
    expect(warned).toEqual([
      expect.objectContaining({
        guild: silent.id,
        channels: [
          { channel: first.id, missing: ['SendMessages'] },
          { channel: second.id, missing: ['EmbedLinks'] },
        ],
      }),
    ]);
    expect(JSON.stringify(warned)).not.toMatch(/Silent|answers|moderator-name/);
  });
});
