import { afterAll } from 'vitest';
import { openPostgresSettingsStore, type PostgresSettingsStore } from '../../src/settings/index.js';
import { dropSchemas, freshSchema, postgresUrl } from './postgres-support.js';
import { describeStoreContract } from './store-contract.js';

afterAll(dropSchemas);

describeStoreContract('PostgreSQL store', () => {
  const schema = freshSchema();
  const open = (now: () => number): Promise<PostgresSettingsStore> =>
    openPostgresSettingsStore({ databaseUrl: postgresUrl, schema, now });
  return {
    open,
    restart: async (store, now) => {
      await (store as PostgresSettingsStore).end();
      return open(now);
    },
    close: (store) => (store as PostgresSettingsStore).end(),
  };
});
