import path from 'node:path';

/** What every way of running the bot reads: where it keeps things, how it logs, which Discord. */
export interface CommonEnvironment {
  readonly applicationId: string;
  readonly dataDir: string;
  readonly logLevel: string;
  /** REST base of a local Discord (the sandbox); unset means Discord itself. */
  readonly restApi: string | undefined;
  /** PostgreSQL for settings and fair use across instances and shards; unset keeps them on this machine. */
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string | undefined;
  /** PRIVACY_URL: where the operator publishes the privacy policy; /help links it. */
  readonly privacyUrl: string | undefined;
}

/** How the bot is run over the gateway (`npm start`), read from the environment (`.env` through dotenv) and checked at start. */
export interface Environment extends CommonEnvironment {
  readonly token: string;
  readonly guildId: string | undefined;
  /** INTERACTIONS=http: `npm run start:http` answers interactions, and this process only DMs and @mentions. */
  readonly interactions: 'gateway' | 'http';
}

/** How the bot is run over HTTP interactions (`npm run start:http`). */
export interface HttpEnvironment extends CommonEnvironment {
  /** DISCORD_PUBLIC_KEY, 64 hex digits. */
  readonly publicKey: string;
  readonly port: number;
  readonly privacyContact: string | undefined;
  /** DISCORD_TOKEN, optional here: with it `/config` reads the bot's permissions in any channel, not only the one it is used in. */
  readonly token: string | undefined;
}

/** A variable that is missing or wrong, with what to do about it. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const SNOWFLAKE = /^\d{17,20}$/;
// A bot token is three dot-separated base64url parts; checking the shape catches a pasted client secret.
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;
/** The port `npm run start:http` listens on when PORT is empty. */
export const DEFAULT_PORT = 8080;

const HOW_TO =
  'Copy .env.example to .env and fill it in (or run `npm run sandbox` to try the bot with no Discord account).';

function readCommon(env: NodeJS.ProcessEnv): CommonEnvironment {
  const applicationId = env['DISCORD_CLIENT_ID']?.trim() ?? '';
  if (!SNOWFLAKE.test(applicationId)) {
    throw new EnvironmentError(
      `DISCORD_CLIENT_ID must be your application's id (17–20 digits, on the General Information page of the Developer Portal). ${HOW_TO}`,
    );
  }
  const logLevel = env['LOG_LEVEL']?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new EnvironmentError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}. ${HOW_TO}`);
  const restApi = env['DISCORD_API']?.trim() || undefined;
  if (restApi !== undefined && !/^https?:\/\/\S+$/.test(restApi))
    throw new EnvironmentError('DISCORD_API must be an http(s) URL, or left empty to use Discord itself.');
  const databaseUrl = env['DATABASE_URL']?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl))
    throw new EnvironmentError(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), or left empty to keep settings in DATA_DIR.',
    );
  const databaseSchema = env['DATABASE_SCHEMA']?.trim() || undefined;
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,39}$/.test(databaseSchema))
    throw new EnvironmentError(
      'DATABASE_SCHEMA must be 1–40 lower-case letters, digits or underscores, or left empty.',
    );
  const privacyUrl = env['PRIVACY_URL']?.trim() || undefined;
  if (privacyUrl !== undefined && !/^https:\/\/[^\s<>()]+$/.test(privacyUrl))
    throw new EnvironmentError(
      'PRIVACY_URL must be the https:// address where you publish PRIVACY.md (with `npm run start:http`, its /privacy page), or left empty.',
    );
  return {
    applicationId,
    privacyUrl,
    dataDir: path.resolve(env['DATA_DIR']?.trim() || './data'),
    logLevel,
    restApi,
    databaseUrl,
    databaseSchema,
  };
}

export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const token = env['DISCORD_TOKEN']?.trim() ?? '';
  if (token === '') throw new EnvironmentError(`DISCORD_TOKEN is not set. ${HOW_TO}`);
  if (!TOKEN_SHAPE.test(token)) {
    throw new EnvironmentError(
      `DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it from the Bot page of your application in the Discord Developer Portal. ${HOW_TO}`,
    );
  }
  const common = readCommon(env);
  const guildId = env['GUILD_ID']?.trim() || undefined;
  if (guildId !== undefined && !SNOWFLAKE.test(guildId))
    throw new EnvironmentError(`GUILD_ID must be a server id (17–20 digits), or left empty. ${HOW_TO}`);
  const interactions = env['INTERACTIONS']?.trim() || 'gateway';
  if (interactions !== 'gateway' && interactions !== 'http')
    throw new EnvironmentError(
      'INTERACTIONS must be empty (this process answers everything), gateway (the same), or http (`npm run start:http` answers interactions; this process only DMs and @mentions).',
    );
  return { ...common, token, guildId, interactions };
}

export function readHttpEnvironment(env: NodeJS.ProcessEnv): HttpEnvironment {
  const publicKey = env['DISCORD_PUBLIC_KEY']?.trim() ?? '';
  if (publicKey === '')
    throw new EnvironmentError(
      `DISCORD_PUBLIC_KEY is not set: HTTP interactions need it to check Discord's signature on every request (Developer Portal → General Information → Public Key). ${HOW_TO}`,
    );
  if (!/^[0-9a-f]{64}$/i.test(publicKey))
    throw new EnvironmentError(
      `DISCORD_PUBLIC_KEY must be the application's Public Key, 64 hex digits (Developer Portal → General Information), not the token or the client secret. ${HOW_TO}`,
    );
  const common = readCommon(env);
  const rawPort = env['PORT']?.trim() ?? '';
  const port = rawPort === '' ? DEFAULT_PORT : Number(rawPort);
  if (!/^\d*$/.test(rawPort) || !Number.isInteger(port) || port > 65_535)
    throw new EnvironmentError(
      `PORT must be a port number (1–65535; 0 takes a free one, named in the log), or left empty for ${DEFAULT_PORT}.`,
    );
  const token = env['DISCORD_TOKEN']?.trim() || undefined;
  if (token !== undefined && !TOKEN_SHAPE.test(token))
    throw new EnvironmentError(
      `DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it from the Bot page of your application in the Discord Developer Portal, or leave it empty. ${HOW_TO}`,
    );
  return { ...common, publicKey, port, privacyContact: env['PRIVACY_CONTACT']?.trim() || undefined, token };
}
