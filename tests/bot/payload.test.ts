import { MessageFlags, type MessageTarget } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { replyPayload, rewritePayload } from '../../src/bot/payload.js';
import type { MessagePayload } from '../../src/replies/render.js';

const target = {} as MessageTarget;
const rendered: MessagePayload = {
  embeds: [{ description: '> quoted' }],
  components: [],
  allowed_mentions: { parse: [] },
  flags: MessageFlags.Ephemeral,
};

describe('payloads handed to discord.js', () => {
  it('a reply is sent as rendered: discord.js finds the body resolved and leaves it alone', async () => {
    const payload = replyPayload(target, rendered);
    expect(payload.resolveBody().body).toBe(rendered);
    expect((await payload.resolveFiles()).files).toEqual([]);
  });

  it('a rewrite never carries flags (Discord refuses a change of visibility) and clears old content', () => {
    const body = rewritePayload(target, rendered).resolveBody().body as Record<string, unknown>;
    expect(body).not.toHaveProperty('flags');
    expect(body).toMatchObject({ content: '', embeds: rendered.embeds, allowed_mentions: { parse: [] } });
    expect(rewritePayload(target, { ...rendered, content: 'Page 2' }).body).toMatchObject({ content: 'Page 2' });
  });
});
