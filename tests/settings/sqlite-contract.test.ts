import { openSettingsStore } from '../../src/settings/index.js';
import { describeStoreContract } from './store-contract.js';
import { makeTempDir } from './support.js';

describeStoreContract('SQLite store', () => {
  const dataDir = makeTempDir();
  return {
    open: (now) => openSettingsStore({ dataDir, now }),
    restart: (store, now) => {
      store.close();
      return openSettingsStore({ dataDir, now });
    },
    close: (store) => store.close(),
  };
});
