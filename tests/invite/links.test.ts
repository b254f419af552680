import { OAuth2Routes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { inviteLinks } from '../../src/invite/links.js';
import { ANSWER_PERMISSIONS } from '../../src/invite/permissions.js';

const APPLICATION_ID = '123456789012345678';

/** Bit positions as Discord's permissions table numbers them, independent of discord.js. */
const DISCORD_BITS = {
  ViewChannel: 10n,
  SendMessages: 11n,
  EmbedLinks: 14n,
  ReadMessageHistory: 16n,
  SendMessagesInThreads: 38n,
} as const;

function parse(link: string): { readonly url: URL; readonly query: Record<string, string> } {
  const url = new URL(link);
  return { url, query: Object.fromEntries(url.searchParams) };
}

describe('the server invite link', () => {
  const { url, query } = parse(inviteLinks(APPLICATION_ID).server);

  it("is Discord's authorization page for this application", () => {
    expect(`${url.origin}${url.pathname}`).toBe(OAuth2Routes.authorizationURL);
    expect(query['client_id']).toBe(APPLICATION_ID);
  });

  it('asks for exactly the bot and applications.commands scopes, as a server install', () => {
    expect(Object.keys(query).sort()).toEqual(['client_id', 'integration_type', 'permissions', 'scope']);
    expect(query['scope']?.split(' ').sort()).toEqual(['applications.commands', 'bot']);
    expect(query['integration_type']).toBe('0');
  });

  it('asks for exactly the five permissions the bot answers with', () => {
    const bits = BigInt(query['permissions'] ?? 'x');
    expect(bits).toBe(
      PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.SendMessagesInThreads |
        PermissionFlagsBits.EmbedLinks |
        PermissionFlagsBits.ReadMessageHistory,
    );
    expect(bits).toBe(Object.values(DISCORD_BITS).reduce((all, bit) => all | (1n << bit), 0n));
    expect(new PermissionsBitField(bits).toArray().sort()).toEqual(Object.keys(DISCORD_BITS).sort());
    expect(bits).toBe(ANSWER_PERMISSIONS.bitfield);
  });
});

describe('the install-for-yourself link', () => {
  const { url, query } = parse(inviteLinks(APPLICATION_ID).user);

  it('is a user install of the commands alone, with no bot and no permissions', () => {
    expect(`${url.origin}${url.pathname}`).toBe(OAuth2Routes.authorizationURL);
    expect(query).toEqual({ client_id: APPLICATION_ID, scope: 'applications.commands', integration_type: '1' });
  });
});

describe('the permission set', () => {
  it('cannot be changed in place: adding to it makes a new set', () => {
    const before = ANSWER_PERMISSIONS.bitfield;
    const widened = ANSWER_PERMISSIONS.add(PermissionFlagsBits.Administrator);
    expect(widened.has(PermissionFlagsBits.Administrator)).toBe(true);
    expect(ANSWER_PERMISSIONS.bitfield).toBe(before);
    expect(ANSWER_PERMISSIONS.has(PermissionFlagsBits.Administrator)).toBe(false);
  });
});
