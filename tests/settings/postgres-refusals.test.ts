/**
 * What the PostgreSQL store refuses, as the SQLite store does: a database it cannot reach, cannot
 * write, or that answers too slowly. Each change is refused with a SettingsStoreError (so
 * `/config` says nothing was changed), nothing changes, and reads go on from the settings last
 * read. No message names the password.
 */
import { ChannelType } from 'discord.js';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Invocation } from '../../commands/command.js';
import { config } from '../../commands/config.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import { LATEST_POSTGRES_VERSION } from '../../src/settings/postgres-migrations.js';
import type { PostgresSettingsStore, SettingsStoreError, SettingsStoreErrorKind } from '../../src/settings/index.js';
import { corpus, search } from '../junk/support.js';
import { dropSchemas, freshSchema, Opened, postgresUrl, readOnlyUrl } from './postgres-support.js';
import { GUILD, MOD, OTHER_MOD, channel, storeRefusal } from './support.js';

const opened = new Opened();
afterEach(() => opened.closeAll());
afterAll(dropSchemas);

const password = new URL(postgresUrl).password;

function expectRefusal(error: SettingsStoreError, kind: SettingsStoreErrorKind): void {
  expect(error.kind).toBe(kind);
  expect(error.message).toContain(error.file);
  if (password) {
    expect(error.message).not.toContain(password);
    expect(error.file).not.toContain(password);
  }
}

/** A guild with a listed channel and @mentions off. */
async function seed(store: PostgresSettingsStore): Promise<void> {
  await store.addChannel(GUILD, channel(1), MOD);
  await store.setMentions(GUILD, false, MOD);
}

const invocation: Invocation = {
  userId: OTHER_MOD,
  guildId: GUILD,
  channelId: channel(1),
  channels: new Map([[channel(2), { type: ChannelType.GuildText }]]),
};

/** `/config channels add` as the bot runs it. */
function addThroughConfig(store: PostgresSettingsStore): Promise<Reply> {
  return Promise.resolve(
    config.execute(
      { _group: 'channels', _subcommand: 'add', channel: channel(2) },
      { corpus, search, settings: store },
      invocation,
    ),
  );
}

describe('the PostgreSQL store refuses what it cannot do', () => {
  it('refuses every change on a read-only database, keeps answering from what it read, and /config says nothing changed', async () => {
    const schema = freshSchema();
    await seed(await opened.store(schema));
    const store = await opened.store(schema, readOnlyUrl());
    const before = store.get(GUILD);
    expect(before.answerChannels).toEqual([channel(1)]);
    for (const change of [
      () => store.setVisibility(GUILD, 'ephemeral', OTHER_MOD),
      () => store.addChannel(GUILD, channel(2), OTHER_MOD),
      () => store.reset(GUILD, OTHER_MOD),
      () => store.forgetChannel(channel(1)),
      () => store.forgetGuild(GUILD),
    ]) {
      expectRefusal(await storeRefusal(change), 'readonly');
    }
    expect(store.get(GUILD)).toBe(before);
    const reply = await addThroughConfig(store);
    expect(isProblem(reply) && reply.problem).toBe(
      'Nothing was changed: the settings database is read-only (the bot’s operator must fix it).',
    );
  });

  it('refuses to open read-only when the schema would have to be created, creating nothing', async () => {
    const schema = freshSchema();
    expectRefusal(await storeRefusal(() => opened.store(schema, readOnlyUrl())), 'readonly');
    const { rows } = await (await opened.session()).query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(rows).toEqual([]);
  });

  it('refuses a schema migrated by a newer policy-bot, and leaves it as it is', async () => {
    const schema = freshSchema();
    (await opened.store(schema)).close();
    const session = await opened.session();
    await session.query(
      `INSERT INTO ${schema}.schema_migrations (version, description) VALUES ($1, 'from the future')`,
      [LATEST_POSTGRES_VERSION + 1],
    );
    const error = await storeRefusal(() => opened.store(schema));
    expectRefusal(error, 'newer-schema');
    expect(error.message).toContain(`schema version ${LATEST_POSTGRES_VERSION + 1}`);
  });

  it('cannot open a database nobody answers at, and says what to check', async () => {
    const link = await opened.link();
    const url = link.url;
    await link.cut();
    const error = await storeRefusal(() => opened.store(freshSchema(), url));
    expectRefusal(error, 'unavailable');
    expect(error.message).toContain('Check that the server is running');
  });

  it('refuses a change whose statement outlasts the statement timeout, well within Discord’s 3 s', async () => {
    const schema = freshSchema();
    const store = await opened.store(schema);
    await seed(store);
    const before = store.get(GUILD);
    const session = await opened.session();
    // A trigger of the operator's that takes far too long, as a slow disk or a bloated table would.
    await session.query(`
      CREATE FUNCTION ${schema}.slow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$;
      CREATE TRIGGER slow BEFORE UPDATE ON ${schema}.guild_settings FOR EACH ROW EXECUTE FUNCTION ${schema}.slow();`);
    const started = performance.now();
    const error = await storeRefusal(() => store.setVisibility(GUILD, 'ephemeral', OTHER_MOD));
    expect(performance.now() - started).toBeLessThan(3_000);
    expectRefusal(error, 'busy');
    expect(error.message).toContain('57014');
    expect(store.get(GUILD)).toBe(before);
    await session.query(`DROP TRIGGER slow ON ${schema}.guild_settings`);
    expect((await store.setVisibility(GUILD, 'ephemeral', OTHER_MOD)).outcome).toBe('set');
  });

  it('refuses a change while another session holds the table locked, and takes it once the lock is gone', async () => {
    const schema = freshSchema();
    const store = await opened.store(schema);
    await seed(store);
    const session = await opened.session();
    await session.query('BEGIN');
    await session.query(`LOCK TABLE ${schema}.guild_settings IN ACCESS EXCLUSIVE MODE`);
    const error = await storeRefusal(() => store.setShare(GUILD, false, OTHER_MOD));
    expectRefusal(error, 'busy');
    expect(error.message).toContain('55P03');
    expect(store.get(GUILD).share).toBe(true);
    await session.query('ROLLBACK');
    expect((await store.setShare(GUILD, false, OTHER_MOD)).outcome).toBe('set');
  });

  it('while the database is down: refuses and logs every change, answers from what it read, and takes changes again once it is back', async () => {
    const schema = freshSchema();
    const link = await opened.link();
    const lines: { level: number; msg: string; guild?: string; err?: { kind?: string } }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as never) });
    const store = await opened.store(schema, link.url, logger);
    await seed(store);
    const before = store.get(GUILD);
    const lost = new Promise((resolve) => store.events.once('lost', resolve));

    await link.cut();
    await lost;
    expectRefusal(await storeRefusal(() => store.addChannel(GUILD, channel(2), OTHER_MOD)), 'unavailable');
    const reply = await addThroughConfig(store);
    expect(isProblem(reply) && reply.problem).toMatch(/^Nothing was changed: /);
    expect(store.get(GUILD)).toBe(before);
    const refused = lines.filter((line) => line.msg === 'settings change not saved');
    expect(refused.map((line) => [line.level, line.guild, line.err?.kind])).toEqual([
      [50, GUILD, 'unavailable'],
      [50, GUILD, 'unavailable'],
    ]);
    expect(JSON.stringify(lines)).not.toContain(password || 'no password');

    const reloaded = new Promise((resolve) => store.events.once('reloaded', resolve));
    await link.restore();
    await reloaded;
    expect((await store.addChannel(GUILD, channel(2), OTHER_MOD)).outcome).toBe('added');
    expect(lines.at(-1)?.msg).toBe('settings notices resumed; all settings read again');
  });
});
