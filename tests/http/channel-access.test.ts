import { OverwriteType, PermissionFlagsBits as P, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { channelPermissions } from '../../src/http/channel-access.js';

const GUILD = '100000000000000001';
const BOT = '100000000000000002';
const BOT_ROLE = '100000000000000003';
const OTHER_ROLE = '100000000000000004';
const EVERYONE = P.ViewChannel | P.SendMessages | P.EmbedLinks | P.ReadMessageHistory;

const roles = [
  { id: GUILD, permissions: EVERYONE.toString() },
  { id: BOT_ROLE, permissions: P.AttachFiles.toString() },
  { id: OTHER_ROLE, permissions: P.Administrator.toString() },
];
const overwrite = (id: string, type: OverwriteType, bits: { allow?: bigint; deny?: bigint }) => ({
  id,
  type,
  allow: (bits.allow ?? 0n).toString(),
  deny: (bits.deny ?? 0n).toString(),
});
const bot = { userId: BOT, roleIds: [BOT_ROLE] };

describe('a member’s permissions in a channel, from what Discord’s REST API returns', () => {
  it('is @everyone and the member’s roles where the channel overwrites nothing', () => {
    expect(channelPermissions({ guildId: GUILD, roles, member: bot, overwrites: [] })).toBe(EVERYONE | P.AttachFiles);
  });

  it('applies @everyone’s overwrite, then the roles’ (a grant beats a denial among them), then the member’s own', () => {
    const held = (overwrites: ReturnType<typeof overwrite>[]) =>
      channelPermissions({ guildId: GUILD, roles, member: bot, overwrites });
    expect(held([overwrite(GUILD, OverwriteType.Role, { deny: P.EmbedLinks })]) & P.EmbedLinks).toBe(0n);
    expect(
      held([
        overwrite(GUILD, OverwriteType.Role, { deny: P.EmbedLinks }),
        overwrite(BOT_ROLE, OverwriteType.Role, { allow: P.EmbedLinks }),
      ]) & P.EmbedLinks,
    ).toBe(P.EmbedLinks);
    expect(
      held([
        overwrite(BOT_ROLE, OverwriteType.Role, { allow: P.EmbedLinks }),
        overwrite(BOT, OverwriteType.Member, { deny: P.EmbedLinks | P.SendMessages }),
      ]) &
        (P.EmbedLinks | P.SendMessages),
    ).toBe(0n);
    // Another member's overwrite, or a role the bot does not hold, changes nothing for it.
    expect(
      held([
        overwrite('100000000000000009', OverwriteType.Member, { deny: P.SendMessages }),
        overwrite(OTHER_ROLE, OverwriteType.Role, { deny: P.SendMessages }),
      ]) & P.SendMessages,
    ).toBe(P.SendMessages);
  });

  it('gives an administrator everything, above any overwrite', () => {
    expect(
      channelPermissions({
        guildId: GUILD,
        roles,
        member: { userId: BOT, roleIds: [OTHER_ROLE] },
        overwrites: [overwrite(BOT, OverwriteType.Member, { deny: P.SendMessages })],
      }),
    ).toBe(PermissionsBitField.All);
  });
});
