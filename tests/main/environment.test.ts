import { describe, expect, it } from 'vitest';
import { EnvironmentError, readEnvironment, readHttpEnvironment } from '../../src/main/environment.js';

const BASE = {
  DISCORD_TOKEN: `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}`,
  DISCORD_CLIENT_ID: '123456789012345678',
};

describe('the environment the bot starts from', () => {
  it('keeps settings on this machine when no database is named', () => {
    const environment = readEnvironment({ ...BASE, DATABASE_URL: '  ' });
    expect(environment.databaseUrl).toBeUndefined();
    expect(environment.databaseSchema).toBeUndefined();
  });

  it('takes PRIVACY_URL for /help to link, and none when left empty', () => {
    expect(readEnvironment({ ...BASE, PRIVACY_URL: ' https://bot.example.org/privacy ' }).privacyUrl).toBe(
      'https://bot.example.org/privacy',
    );
    expect(readEnvironment({ ...BASE, PRIVACY_URL: '' }).privacyUrl).toBeUndefined();
  });

  it('takes a PostgreSQL URL and schema as given', () => {
    const environment = readEnvironment({
      ...BASE,
      DATABASE_URL: 'postgres://bot:secret@db.internal:5432/policy',
      DATABASE_SCHEMA: 'policy_bot_eu',
    });
    expect(environment.databaseUrl).toBe('postgres://bot:secret@db.internal:5432/policy');
    expect(environment.databaseSchema).toBe('policy_bot_eu');
  });

  it.each([
    ['DATABASE_URL', 'mysql://bot@db/policy', /DATABASE_URL must be a PostgreSQL URL/],
    ['DATABASE_URL', 'db.internal:5432', /DATABASE_URL must be a PostgreSQL URL/],
    ['DATABASE_SCHEMA', 'Policy-Bot', /DATABASE_SCHEMA must be/],
    ['DATABASE_SCHEMA', 'x'.repeat(41), /DATABASE_SCHEMA must be/],
    ['PRIVACY_URL', 'http://bot.example.org/privacy', /PRIVACY_URL must be the https:\/\/ address/],
    ['PRIVACY_URL', 'see PRIVACY.md', /PRIVACY_URL must be the https:\/\/ address/],
  ])('refuses %s=%s, saying what it must be', (name, value, message) => {
    expect(() => readEnvironment({ ...BASE, [name]: value })).toThrow(EnvironmentError);
    expect(() => readEnvironment({ ...BASE, [name]: value })).toThrow(message);
  });
});

describe('INTERACTIONS, for the gateway process beside HTTP instances', () => {
  it('answers interactions here unless told they are answered over HTTP', () => {
    expect(readEnvironment(BASE).interactions).toBe('gateway');
    expect(readEnvironment({ ...BASE, INTERACTIONS: 'http' }).interactions).toBe('http');
    expect(() => readEnvironment({ ...BASE, INTERACTIONS: 'webhooks' })).toThrow(/INTERACTIONS must be/);
  });
});

describe('the environment of npm run start:http', () => {
  const HTTP = { DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_CLIENT_ID: '123456789012345678' };

  it('needs the public key and the application id, not the bot token', () => {
    const environment = readHttpEnvironment(HTTP);
    expect(environment).toMatchObject({ publicKey: 'ab'.repeat(32), applicationId: '123456789012345678', port: 8080 });
    expect(environment.privacyContact).toBeUndefined();
  });

  it('takes DISCORD_TOKEN when given (to read the bot’s channel permissions), and none when left empty', () => {
    expect(readHttpEnvironment(HTTP).token).toBeUndefined();
    expect(readHttpEnvironment({ ...HTTP, DISCORD_TOKEN: ` ${BASE.DISCORD_TOKEN} ` }).token).toBe(BASE.DISCORD_TOKEN);
    expect(() => readHttpEnvironment({ ...HTTP, DISCORD_TOKEN: 'not-a-token' })).toThrow(
      /DISCORD_TOKEN does not look like a bot token.*or leave it empty/,
    );
  });

  it('reads PORT and PRIVACY_CONTACT', () => {
    expect(readHttpEnvironment({ ...HTTP, PORT: '3000', PRIVACY_CONTACT: ' ops@example.org ' })).toMatchObject({
      port: 3000,
      privacyContact: 'ops@example.org',
    });
  });

  it.each([
    [{ DISCORD_PUBLIC_KEY: '' }, /DISCORD_PUBLIC_KEY is not set/],
    [{ DISCORD_PUBLIC_KEY: 'xyz' }, /DISCORD_PUBLIC_KEY must be the application's Public Key, 64 hex digits/],
    [{ DISCORD_PUBLIC_KEY: `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}` }, /not the token/],
    [{ PORT: 'http' }, /PORT must be a port number/],
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ DISCORD_CLIENT_ID: 'my-app' }, /DISCORD_CLIENT_ID must be/],
  ])('refuses %o, saying what it must be', (change, message) => {
    expect(() => readHttpEnvironment({ ...HTTP, ...change })).toThrow(EnvironmentError);
    expect(() => readHttpEnvironment({ ...HTTP, ...change })).toThrow(message);
  });
});
