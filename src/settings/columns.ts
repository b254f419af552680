/** The columns that record who last changed each setting and when: the same in SQLite and PostgreSQL. */
import type { SettingName } from './types.js';

export const ATTRIBUTION_COLUMNS = [
  { name: 'answerChannels', by: 'channels_by', at: 'channels_at' },
  { name: 'visibility', by: 'visibility_by', at: 'visibility_at' },
  { name: 'mentions', by: 'mentions_by', at: 'mentions_at' },
  { name: 'share', by: 'share_by', at: 'share_at' },
] as const satisfies readonly { name: SettingName; by: `${string}_by`; at: `${string}_at` }[];

export type AttributionColumn = (typeof ATTRIBUTION_COLUMNS)[number]['by' | 'at'];
