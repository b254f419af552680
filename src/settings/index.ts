/** Moderator configuration (`/config`): the store interface, and its stores on SQLite, PostgreSQL and memory. */
export type {
  Attribution,
  ChangeOutcome,
  ChangeResult,
  GuildSettings,
  SettingName,
  SettingsStore,
  Visibility,
} from './types.js';
export { MAX_ANSWER_CHANNELS } from './types.js';
export { DEFAULT_MENTIONS, DEFAULT_SHARE, DEFAULT_VISIBILITY, defaultSettings } from './rules.js';
export { SettingsStoreError, type SettingsStoreErrorKind } from './errors.js';
export { MemorySettingsStore, type MemorySettingsStoreOptions } from './memory-store.js';
export {
  DEFAULT_BUSY_TIMEOUT_MS,
  SETTINGS_FILE_NAME,
  openSettingsStore,
  type OpenSettingsStoreOptions,
} from './sqlite-store.js';
export type { SettingsStorage, StorageDecision, StoredGuild, StorageWatcher } from './storage.js';
export { CachedSettingsStore, type CachedSettingsStoreOptions } from './cached-store.js';
export {
  openPostgresSettingsStore,
  PostgresSettingsStore,
  type OpenPostgresSettingsStoreOptions,
} from './postgres-store.js';
export type { PostgresStorageEvents } from './postgres-storage.js';
export { DEFAULT_SCHEMA, SETTINGS_TIMEOUTS, type PostgresTimeouts } from './postgres-connection.js';
export {
  FAIR_USE_TIMEOUTS,
  openPostgresFairUse,
  PostgresFairUse,
  type FairUseLimiter,
  type FairUseVerdict,
  type OpenPostgresFairUseOptions,
} from './postgres-fair-use.js';
export { openStore, type OpenStoreOptions } from './open-store.js';
export { copySettingsToPostgres, type CopyReport, type CopyToPostgresOptions } from './copy-to-postgres.js';
