const SNOWFLAKE = /^\d{17,20}$/;
// A bot token is three dot-separated parts; a public key is 64 hex digits.
const TOKEN_LIKE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const PUBLIC_KEY_LIKE = /^[0-9a-f]{64}$/i;

const WHERE = 'Developer Portal → your application → General Information → Application ID';

/**
 * The application id in a DISCORD_CLIENT_ID value, or why it cannot be one, in words that say how
 * to fix it. The value itself is never repeated: a pasted token would end up on screen.
 */
export function readApplicationId(value: string | undefined): { readonly id: string } | { readonly problem: string } {
  const id = value?.trim() ?? '';
  if (SNOWFLAKE.test(id)) return { id };
  if (id === '')
    return {
      problem: `DISCORD_CLIENT_ID is not set: copy .env.example to .env and fill in your application's id (${WHERE}).`,
    };
  if (TOKEN_LIKE.test(id))
    return {
      problem: `DISCORD_CLIENT_ID looks like a bot token, which belongs in DISCORD_TOKEN: put your application's id there instead (${WHERE}).`,
    };
  if (PUBLIC_KEY_LIKE.test(id))
    return {
      problem: `DISCORD_CLIENT_ID looks like the public key, which belongs in DISCORD_PUBLIC_KEY: put your application's id there instead (${WHERE}).`,
    };
  return { problem: `DISCORD_CLIENT_ID must be your application's id, 17 to 20 digits (${WHERE}).` };
}
