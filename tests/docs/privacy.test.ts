import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loggableError } from '../../src/log/logger.js';
import { SlidingWindowLimit } from '../../src/settings/fair-use.js';
import { MAX_ANSWER_CHANNELS, SETTINGS_FILE_NAME, openSettingsStore } from '../../src/settings/index.js';
import { REFUSED_CHANNELS_LIMIT } from '../../src/transport/post-refusals.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const PRIVACY = read('PRIVACY.md');
const TERMS = read('TERMS.md');

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const MOD = '300000000000000001';
const QUESTION = 'who gets demoted?';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-bot-privacy-'));
  dirs.push(dir);
  return dir;
}

/** Every column of every table in the settings file, as `table.column`. */
function storedColumns(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all();
    return tables.flatMap(({ name }) =>
      db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
        .all()
        .map((column) => `${name}.${column.name}`),
    );
  } finally {
    db.close();
  }
}

describe('PRIVACY.md on the settings it says the bot keeps', () => {
  it('names the file and the folder they are kept in', () => {
    expect(PRIVACY).toContain(SETTINGS_FILE_NAME);
    expect(PRIVACY).toContain('DATA_DIR');
    expect(PRIVACY).toContain(`at most ${MAX_ANSWER_CHANNELS}`);
  });

  it('lists every column the settings database has: a new one must be described before it ships', () => {
    const dataDir = freshDataDir();
    openSettingsStore({ dataDir }).close();
    // Each column, and what PRIVACY.md calls it: ids, the three choices, and who last changed each setting and when.
    const described: Record<string, RegExp> = {
      'answer_channels.guild_id': /the server's id/,
      'answer_channels.channel_id': /ids of its \*\*answer channels\*\*/,
      'answer_channels.position': /in the order they were\s+added/,
      'guild_settings.guild_id': /the server's id/,
      'guild_settings.visibility': /public or shown only to the person who asked/,
      'guild_settings.mentions': /answers when someone @mentions it/,
      'guild_settings.share': /\*\*Share\*\* button may post/,
    };
    for (const setting of ['channels', 'visibility', 'mentions', 'share']) {
      described[`guild_settings.${setting}_by`] = /user\s+id of the person who \*\*last\*\* changed it/;
      described[`guild_settings.${setting}_at`] = /the date and time/;
    }
    expect(storedColumns(path.join(dataDir, SETTINGS_FILE_NAME)).sort()).toEqual(Object.keys(described).sort());
    for (const [column, words] of Object.entries(described)) expect(PRIVACY, column).toMatch(words);
  });

  it('holds no text a person wrote: the store refuses anything but an id where an id goes', async () => {
    const store = openSettingsStore({ dataDir: freshDataDir() });
    try {
      await expect(store.addChannel(GUILD, QUESTION, MOD)).rejects.toThrow(RangeError);
      await expect(store.addChannel(QUESTION, CHANNEL, MOD)).rejects.toThrow(RangeError);
      await expect(store.setMentions(GUILD, false, QUESTION)).rejects.toThrow(RangeError);
      await expect(store.setVisibility(GUILD, QUESTION as 'public', MOD)).rejects.toThrow(RangeError);
      expect(store.get(GUILD).changed).toEqual({});
    } finally {
      store.close();
    }
  });

  it('keeps a deleted channel out of the answer channels, as it says', async () => {
    expect(PRIVACY).toMatch(/A channel that is deleted is dropped from the answer channels/);
    const store = openSettingsStore({ dataDir: freshDataDir() });
    try {
      await store.addChannel(GUILD, CHANNEL, MOD);
      expect(await store.forgetChannel(CHANNEL)).toEqual([GUILD]);
      expect(store.get(GUILD).answerChannels).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('PRIVACY.md on how long things are kept', () => {
  it('says a server’s settings are forgotten when the bot is removed from it, as the store does', async () => {
    expect(PRIVACY).toMatch(
      /\*\*When the bot is removed from your\s+server\*\*[^.]*, Discord tells the bot, and it deletes/,
    );
    expect(PRIVACY).not.toMatch(/does not delete them by itself/);
    const store = openSettingsStore({ dataDir: freshDataDir() });
    try {
      await store.addChannel(GUILD, CHANNEL, MOD);
      await store.forgetGuild(GUILD);
      expect(store.get(GUILD).answerChannels).toEqual([]);
      expect(store.get(GUILD).changed).toEqual({});
    } finally {
      store.close();
    }
  });

  it('gives the fair-use rule the limiter applies, in memory and in PostgreSQL', () => {
    expect(PRIVACY).toContain('Each person gets 6 answers per 30 seconds.');
    const limit = new SlidingWindowLimit();
    const verdicts = Array.from({ length: 7 }, (_, i) => limit.check(MOD, 1_000 + i).allowed);
    expect(verdicts).toEqual([true, true, true, true, true, true, false]);
    // A person idle for the window is forgotten: a new window starts for them.
    expect(limit.check(MOD, 1_000 + 30_000 + 6).allowed).toBe(true);
    expect(PRIVACY).not.toMatch(/10,000\s+people/);
    expect(PRIVACY).toMatch(/\*\*In PostgreSQL\*\*, when the operator has set `DATABASE_URL`/);
    expect(PRIVACY).toMatch(/between 30 seconds and a minute after its person's\s+last question/);
  });

  it('names the channels it could not post in as the only thing the permission memory keeps, and its bound', () => {
    expect(PRIVACY).toContain(`(up to ${REFUSED_CHANNELS_LIMIT.toLocaleString('en-US')})`);
    expect(PRIVACY).toMatch(/\*\*Channels where it could not post\.\*\*/);
  });

  it('keeps the text of a reply that failed out of the log, as it says', () => {
    expect(PRIVACY).toMatch(/the line holds the size of\s+the reply the bot tried to send, never its text/);
    const failed = Object.assign(new Error('Invalid Form Body'), {
      url: 'https://discord.com/api/v10/webhooks/1/secret-token/messages/@original',
      requestBody: { json: { content: QUESTION } },
    });
    const logged = JSON.stringify(loggableError(failed));
    expect(logged).not.toContain(QUESTION);
    expect(logged).not.toContain('secret-token');
    expect(logged).toContain('requestBytes');
  });
});

describe("the operator's contact", () => {
  it('is one placeholder in PRIVACY.md and TERMS.md, filled from PRIVACY_CONTACT in .env', () => {
    for (const page of [PRIVACY, TERMS]) expect(page).toContain('{{PRIVACY_CONTACT}}');
    expect(PRIVACY.match(/\{\{(\w+)\}\}/g)?.every((p) => p === '{{PRIVACY_CONTACT}}')).toBe(true);
    expect(TERMS.match(/\{\{(\w+)\}\}/g)?.every((p) => p === '{{PRIVACY_CONTACT}}')).toBe(true);
    expect(read('.env.example')).toMatch(/^PRIVACY_CONTACT=$/m);
  });

  it('is reached from TERMS.md, which links the privacy policy', () => {
    expect(TERMS).toContain('(PRIVACY.md)');
  });
});
