import { InteractionResponseType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { messageReply, replyWith, rewritten, updateWith } from '../../src/dispatch/responses.js';
import type { MessagePayload } from '../../src/replies/render.js';

const rendered: MessagePayload = {
  embeds: [{ description: '> quoted' }],
  components: [],
  allowed_mentions: { parse: [] },
  flags: MessageFlags.Ephemeral,
};

describe('replies as Discord’s API takes them', () => {
  it('a reply is sent as rendered: its flags say who sees it', () => {
    expect(replyWith(rendered)).toEqual({ type: InteractionResponseType.ChannelMessageWithSource, data: rendered });
  });

  it('a rewrite never carries flags (Discord refuses a change of visibility) and clears old content', () => {
    const body = rewritten(rendered);
    expect(body).not.toHaveProperty('flags');
    expect(body).toMatchObject({ content: '', embeds: rendered.embeds, allowed_mentions: { parse: [] } });
    expect(rewritten({ ...rendered, content: 'Page 2' })).toMatchObject({ content: 'Page 2' });
    expect(updateWith(rendered)).toEqual({ type: InteractionResponseType.UpdateMessage, data: body });
  });

  it('a reply to a message names it, and pings no one, not even its author', () => {
    const body = messageReply({ ...rendered, flags: undefined }, '123456789012345678');
    expect(body).toMatchObject({
      message_reference: { message_id: '123456789012345678' },
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(body).not.toHaveProperty('flags');
  });
});
