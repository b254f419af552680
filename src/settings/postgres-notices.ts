/**
 * Hears every change to the settings, whichever instance made it, through PostgreSQL's own
 * LISTEN/NOTIFY on a connection of its own. Notices sent while that connection is down are lost,
 * so once it is back the owner reads everything again (`onResumed`).
 */
import pg from 'pg';
import type { Logger } from 'pino';
import { poolOptions, settingsChannel, type PostgresTimeouts } from './postgres-connection.js';
import { settingsOfRow, SettingsNotice } from './postgres-rows.js';
import type { StoredGuild } from './storage.js';

const FIRST_RECONNECT_MS = 250;
const LONGEST_RECONNECT_MS = 5_000;

export interface SettingsNoticesOptions {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly timeouts: PostgresTimeouts;
  readonly logger?: Logger | undefined;
  readonly onNotice: (stored: StoredGuild) => void;
  readonly onLost: (error: unknown) => void;
  /** Listening again after a loss: read everything, since notices may have been missed. */
  readonly onResumed: () => Promise<void>;
}

export class SettingsNotices {
  readonly #options: SettingsNoticesOptions;
  #client: pg.Client | undefined;
  #retry: NodeJS.Timeout | undefined;
  #wait = FIRST_RECONNECT_MS;
  #stopped = false;

  constructor(options: SettingsNoticesOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    this.#client = await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<pg.Client> {
    const { databaseUrl, timeouts, schema } = this.#options;
    const client = new pg.Client(poolOptions(databaseUrl, timeouts, 1, 'policy-bot settings notices'));
    // Until connected, a failure is connect()'s rejection; from then on, a loss.
    let connected = false;
    client.on('error', (error) => {
      if (connected) this.#lose(client, error);
    });
    client.on('end', () => {
      if (connected) this.#lose(client, new Error('the notice connection was closed'));
    });
    client.on('notification', (message) => this.#read(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${settingsChannel(schema)}`);
      connected = true;
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  #read(payload: string | undefined): void {
    let notice: ReturnType<typeof SettingsNotice.parse>;
    try {
      notice = SettingsNotice.parse(JSON.parse(payload ?? ''));
    } catch (error) {
      // A change that cannot be read may still have happened: read everything rather than miss it.
      this.#options.logger?.error({ err: error }, 'unreadable settings notice; reading all settings again');
      void this.#resume();
      return;
    }
    this.#options.onNotice({
      guildId: notice.guild_id,
      settings: notice.settings === undefined ? undefined : settingsOfRow(notice.settings),
      revision: BigInt(notice.revision),
    });
  }

  #lose(client: pg.Client, error: unknown): void {
    if (this.#stopped || client !== this.#client) return;
    this.#client = undefined;
    void client.end().catch(() => undefined);
    this.#options.logger?.warn(
      { err: error },
      'settings notices lost; the cache serves what it holds until they resume',
    );
    this.#options.onLost(error);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.#reconnect(), this.#wait);
    this.#wait = Math.min(this.#wait * 2, LONGEST_RECONNECT_MS);
  }

  async #reconnect(): Promise<void> {
    let client: pg.Client;
    try {
      client = await this.#connect();
    } catch {
      this.#scheduleReconnect();
      return;
    }
    if (this.#stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    await this.#resume();
  }

  async #resume(): Promise<void> {
    try {
      await this.#options.onResumed();
      this.#wait = FIRST_RECONNECT_MS;
      this.#options.logger?.info('settings notices resumed; all settings read again');
    } catch (error) {
      // Listening, but the settings could not be read: start over, so the read is tried again.
      if (this.#client !== undefined) this.#lose(this.#client, error);
    }
  }
}
