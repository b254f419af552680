/**
 * The rules of a settings change, written once as pure functions so the SQLite store and
 * the in-memory store cannot disagree about the cap, de-duplication or attribution.
 * Every GuildSettings leaving this file is frozen: stores hand the same object to every
 * caller, so nobody may edit the cached copy by accident.
 */
import {
  MAX_ANSWER_CHANNELS,
  type Attribution,
  type ChangeResult,
  type GuildSettings,
  type SettingName,
  type Visibility,
} from './types.js';

export const DEFAULT_VISIBILITY: Visibility = 'public';
export const DEFAULT_MENTIONS = true;
export const DEFAULT_SHARE = true;

// Snowflakes are decimal digits; refusing anything else also guarantees that no message
// text can ever reach the database through an id parameter.
const SNOWFLAKE = /^\d{1,20}$/;

export function assertSnowflake(what: string, value: string): void {
  if (!SNOWFLAKE.test(value)) {
    throw new RangeError(
      `${what} must be a Discord snowflake (1-20 digits), got ${JSON.stringify(value.slice(0, 32))}`,
    );
  }
}

export function freezeSettings(settings: GuildSettings): GuildSettings {
  return Object.freeze({
    ...settings,
    answerChannels: Object.freeze([...settings.answerChannels]),
    changed: Object.freeze({ ...settings.changed }),
  });
}

export function defaultSettings(guildId: string): GuildSettings {
  return freezeSettings({
    guildId,
    answerChannels: [],
    visibility: DEFAULT_VISIBILITY,
    mentions: DEFAULT_MENTIONS,
    share: DEFAULT_SHARE,
    changed: {},
  });
}

type Patch = Partial<Pick<GuildSettings, 'answerChannels' | 'visibility' | 'mentions' | 'share'>>;

function apply(
  current: GuildSettings,
  patch: Patch,
  names: readonly SettingName[],
  change: Attribution,
): GuildSettings {
  const changed = { ...current.changed };
  for (const name of names) changed[name] = change;
  return freezeSettings({ ...current, ...patch, changed });
}

function unchanged(current: GuildSettings): ChangeResult<'unchanged'> {
  return { outcome: 'unchanged', settings: current };
}

export function addChannel(
  current: GuildSettings,
  channelId: string,
  change: Attribution,
): ChangeResult<'added' | 'unchanged' | 'full'> {
  // A duplicate is reported as unchanged even when the list is full: nothing was refused.
  if (current.answerChannels.includes(channelId)) return unchanged(current);
  if (current.answerChannels.length >= MAX_ANSWER_CHANNELS) return { outcome: 'full', settings: current };
  const answerChannels = [...current.answerChannels, channelId];
  return { outcome: 'added', settings: apply(current, { answerChannels }, ['answerChannels'], change) };
}

export function removeChannel(
  current: GuildSettings,
  channelId: string,
  change: Attribution,
): ChangeResult<'removed' | 'unchanged'> {
  if (!current.answerChannels.includes(channelId)) return unchanged(current);
  const answerChannels = current.answerChannels.filter((id) => id !== channelId);
  return { outcome: 'removed', settings: apply(current, { answerChannels }, ['answerChannels'], change) };
}

export function clearChannels(current: GuildSettings, change: Attribution): ChangeResult<'cleared' | 'unchanged'> {
  if (current.answerChannels.length === 0) return unchanged(current);
  return { outcome: 'cleared', settings: apply(current, { answerChannels: [] }, ['answerChannels'], change) };
}

type ScalarName = 'visibility' | 'mentions' | 'share';

export function setScalar<K extends ScalarName>(
  current: GuildSettings,
  name: K,
  value: GuildSettings[K],
  change: Attribution,
): ChangeResult<'set' | 'unchanged'> {
  if (current[name] === value) return unchanged(current);
  const patch: Patch = { [name]: value };
  return { outcome: 'set', settings: apply(current, patch, [name], change) };
}

export function reset(current: GuildSettings, change: Attribution): ChangeResult<'reset' | 'unchanged'> {
  const defaults = defaultSettings(current.guildId);
  // Only what the reset actually moved is attributed to it, so `/config show` keeps
  // telling who chose a value that already was the default.
  const names: SettingName[] = [];
  if (current.answerChannels.length > 0) names.push('answerChannels');
  if (current.visibility !== defaults.visibility) names.push('visibility');
  if (current.mentions !== defaults.mentions) names.push('mentions');
  if (current.share !== defaults.share) names.push('share');
  if (names.length === 0) return unchanged(current);
  const patch: Patch = {
    answerChannels: defaults.answerChannels,
    visibility: defaults.visibility,
    mentions: defaults.mentions,
    share: defaults.share,
  };
  return { outcome: 'reset', settings: apply(current, patch, names, change) };
}

/**
 * A channel that no longer exists leaves the list. Nobody chose this, so the attribution
 * stays with the last moderator who edited the list.
 */
export function dropChannel(current: GuildSettings, channelId: string): GuildSettings | undefined {
  if (!current.answerChannels.includes(channelId)) return undefined;
  return freezeSettings({ ...current, answerChannels: current.answerChannels.filter((id) => id !== channelId) });
}
