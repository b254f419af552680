import { MemorySettingsStore } from '../../src/settings/index.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('MemorySettingsStore', () => ({
  open: (now) => new MemorySettingsStore({ now }),
  restart: (store) => store,
  close: (store) => store.close(),
}));
