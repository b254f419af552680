/**
 * `npm run settings:migrate`: an existing SQLite settings file copied into PostgreSQL, as an
 * operator moving to several instances runs it, and the store on PostgreSQL then holding exactly
 * what the file held.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  openPostgresSettingsStore,
  openSettingsStore,
  SETTINGS_FILE_NAME,
  type PostgresSettingsStore,
} from '../../src/settings/index.js';
import { runScript } from '../support/run-script.js';
import { dropSchemas, freshSchema, postgresUrl } from './postgres-support.js';
import {
  FakeClock,
  GUILD,
  MOD,
  OTHER_GUILD,
  OTHER_MOD,
  THIRD_GUILD,
  channel,
  makeTempDir,
  removeTempDirs,
} from './support.js';

const stores: PostgresSettingsStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.end()));
  removeTempDirs();
});
afterAll(dropSchemas);

/** The environment of the test, without the settings the script reads, plus `settings`. */
function env(settings: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(DATABASE_|DATA_DIR$)/.test(name)) clean[name] = value;
  }
  return { ...clean, ...settings };
}

const migrate = (settings: Record<string, string>) => runScript('scripts/migrate-settings.ts', [], env(settings));

async function openPostgres(schema: string): Promise<PostgresSettingsStore> {
  const store = await openPostgresSettingsStore({ databaseUrl: postgresUrl, schema });
  stores.push(store);
  return store;
}

describe('npm run settings:migrate', () => {
  it('copies every guild of the SQLite file into PostgreSQL, keeps what the database already had, and can run again', async () => {
    const dataDir = makeTempDir();
    const clock = new FakeClock();
    const file = openSettingsStore({ dataDir, now: clock.now });
    await file.addChannel(GUILD, channel(2), MOD);
    clock.advance();
    await file.addChannel(GUILD, channel(1), OTHER_MOD);
    await file.setVisibility(GUILD, 'ephemeral', MOD);
    clock.advance();
    await file.setMentions(OTHER_GUILD, false, OTHER_MOD);
    await file.setShare(THIRD_GUILD, false, MOD);
    const inFile = [GUILD, OTHER_GUILD, THIRD_GUILD].map((id) => file.get(id));
    file.close();

    const schema = freshSchema();
    // Changed in PostgreSQL already, since: the copy must not undo it.
    const running = await openPostgres(schema);
    await running.setVisibility(THIRD_GUILD, 'ephemeral', OTHER_MOD);
    const third = running.get(THIRD_GUILD);

    const run = await migrate({ DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema, DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Copied the settings of 2 guilds from ${path.join(dataDir, SETTINGS_FILE_NAME)} into postgresql://`,
    );
    expect(run.stdout).toContain(`Already in the database, and left as they are: 1 guild (${THIRD_GUILD}).`);
    const password = new URL(postgresUrl).password;
    if (password) expect(run.stdout).not.toContain(password);

    const moved = await openPostgres(schema);
    expect(moved.get(GUILD)).toEqual(inFile[0]);
    expect(moved.get(OTHER_GUILD)).toEqual(inFile[1]);
    expect(moved.get(THIRD_GUILD)).toEqual(third);

    const again = await migrate({ DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema, DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Copied the settings of 0 guilds');
    expect(again.stdout).toContain('Already in the database, and left as they are: 3 guilds');
  }, 60_000);

  it('says what is missing, and copies nothing, without DATABASE_URL or without the file', async () => {
    const noUrl = await migrate({ DATA_DIR: makeTempDir() });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/^DATABASE_URL is not set/);

    const dataDir = makeTempDir();
    const schema = freshSchema();
    const noFile = await migrate({ DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema, DATA_DIR: dataDir });
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain(`Nothing was copied. Settings database ${path.join(dataDir, SETTINGS_FILE_NAME)}`);
    expect(noFile.stderr).toContain('DATA_DIR must name the folder that holds it');
    expect(noFile.stdout).toBe('');
  }, 60_000);
});
