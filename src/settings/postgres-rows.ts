/**
 * A guild's row in PostgreSQL, as a query returns it and as a change notification carries it
 * (JSON, where bigints arrive as numbers): checked, then turned into frozen GuildSettings.
 */
import { z } from 'zod';
import { ATTRIBUTION_COLUMNS } from './columns.js';
import { freezeSettings } from './rules.js';
import type { StoredGuild } from './storage.js';
import type { Attribution, GuildSettings, SettingName } from './types.js';

const by = z.string().nullable();
// int8 columns come back from a query as strings (they may exceed 2^53), and as numbers in JSON.
const at = z
  .union([z.number(), z.string()])
  .nullable()
  .transform((value) => (value === null ? null : Number(value)));

export const GuildRow = z.object({
  guild_id: z.string(),
  answer_channels: z.array(z.string()),
  visibility: z.enum(['public', 'ephemeral']),
  mentions: z.boolean(),
  share: z.boolean(),
  channels_by: by,
  channels_at: at,
  visibility_by: by,
  visibility_at: at,
  mentions_by: by,
  mentions_at: at,
  share_by: by,
  share_at: at,
});
export type GuildRow = z.infer<typeof GuildRow>;

/** What the table's trigger announces: the row as it now is, or none when it was deleted. */
export const SettingsNotice = z.object({
  guild_id: z.string(),
  revision: z.string().regex(/^\d+$/),
  settings: GuildRow.optional(),
});

/** The columns a query selects to build a StoredGuild: the row, and its revision as text. */
export const STORED_COLUMNS =
  'guild_id, answer_channels, visibility, mentions, share, channels_by, channels_at, visibility_by, ' +
  'visibility_at, mentions_by, mentions_at, share_by, share_at, revision::text AS revision';

export function settingsOfRow(row: GuildRow): GuildSettings {
  const changed: Partial<Record<SettingName, Attribution>> = {};
  for (const column of ATTRIBUTION_COLUMNS) {
    const who = row[column.by];
    const when = row[column.at];
    if (who !== null && when !== null) changed[column.name] = { by: who, at: when };
  }
  return freezeSettings({
    guildId: row.guild_id,
    answerChannels: row.answer_channels,
    visibility: row.visibility,
    mentions: row.mentions,
    share: row.share,
    changed,
  });
}

/** A selected row (STORED_COLUMNS), or throws a ZodError when it is not one. */
export function storedOfRow(row: unknown): StoredGuild {
  const revision = z.object({ revision: z.string().regex(/^\d+$/) }).parse(row).revision;
  const settings = settingsOfRow(GuildRow.parse(row));
  return { guildId: settings.guildId, settings, revision: BigInt(revision) };
}

/** The parameters $2.. of a row's columns, in the order of ROW_COLUMNS. */
export const ROW_COLUMNS = [
  'answer_channels',
  'visibility',
  'mentions',
  'share',
  ...ATTRIBUTION_COLUMNS.flatMap((column) => [column.by, column.at]),
] as const;

export function rowValues(settings: GuildSettings): (string | string[] | boolean | number | null)[] {
  return [
    [...settings.answerChannels],
    settings.visibility,
    settings.mentions,
    settings.share,
    ...ATTRIBUTION_COLUMNS.flatMap((column) => {
      const change = settings.changed[column.name];
      return [change?.by ?? null, change?.at ?? null];
    }),
  ];
}
