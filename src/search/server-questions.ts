/**
 * Questions about running a Discord server that happen to share a word with the article. A
 * server's "role" is a set of permissions handed to people; the article's roles are “the
 * leading role of talents” (¶7) and the “two roles” of party members (¶8). A role given to,
 * asked for or taken from a person is the server's kind, and the article has no answer to it.
 */
const PERSON = String.raw`(?:someone|somebody|me|him|her|them|us|users?|people|everyone|members?|mods?|moderators?|admins?|friends?|newcomers?|newbies?)`;
const HANDING = String.raw`(?:give|giving|gave|assign|assigning|add|adding|grant|granting|remove|removing|take|taking|set\s?up|create|creating)`;
const NEAR = String.raw`[^.?!]{0,15}`;

const SERVER_ROLE = [
  // "give someone a role", "assign my friend the mod role"
  new RegExp(String.raw`\b${HANDING}\b${NEAR}\b${PERSON}\b${NEAR}\broles?\b`, 'i'),
  // "a role for me", "remove the role from him"
  new RegExp(String.raw`\broles?\s+(?:to|for|from)\s+${PERSON}\b`, 'i'),
  // Discord's own kinds of role, and a role's settings
  /\b(?:reaction|self|auto|mod|admin|muted?)[\s-]?roles?\b/i,
  /\broles?\s+(?:colou?rs?|icons?|permissions?|menus?|pickers?|hierarchy|pings?)\b/i,
];

export function asksAboutServerRoles(query: string): boolean {
  return SERVER_ROLE.some((pattern) => pattern.test(query));
}

/**
 * Words of Discord's own world — servers, channels, pings, mods — which the article never
 * uses: a question made of them asks about the server it is typed in, whatever else it shares
 * with the article ("what are the server rules").
 */
const DISCORD_WORDS = new Set(
  `discord server servers channel channels nitro emoji emojis emote emotes ping pings pinged mod mods moderator
  moderators admin admins mute muted unmute ban banned unban vc voicechat stream streaming webhook webhooks
  slash`.split(/\s+/),
);

/** The words of a question that name Discord's things, folded. */
export function discordWords(words: readonly string[]): string[] {
  return words.filter((word) => DISCORD_WORDS.has(word));
}
