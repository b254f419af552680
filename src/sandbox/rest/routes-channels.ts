import type { SandboxCore } from '../core.js';
import { asObject, asString } from '../json.js';
import { ChannelType, MessageFlag, type SandboxChannel, type StoredMessage } from '../state/model.js';
import { channelJson, guildJson, memberJson, messageJson, roleJson } from '../state/payloads.js';
import { requirePostable } from './channel-access.js';
import { Errors } from './errors.js';
import type { RestResponse, RouteHandler } from './http.js';
import { createBotMessage, deleteMessage, editBotMessage } from './messages.js';
import type { Router } from './router.js';

/** Channels, messages the bot posts itself, DMs and guild look-ups (all need the bot token). */
export function addChannelRoutes(router: Router<RouteHandler>, core: SandboxCore): void {
  const { world, watchers } = core;
  const ok = (body: unknown): RestResponse => ({ status: 200, body });
  const channelOf = (params: Readonly<Record<string, string>>): SandboxChannel => {
    const channel = world.getChannel(params['channelId'] ?? '');
    if (!channel) throw Errors.unknownChannel();
    return channel;
  };
  const botMessage = (params: Readonly<Record<string, string>>): StoredMessage => {
    const message = world.message(channelOf(params).id, params['messageId'] ?? '');
    if (!message) throw Errors.unknownMessage();
    return message;
  };
  // Requests into a channel keep that channel's open exchanges awake.
  const channelCollectors = (params: Readonly<Record<string, string>>) => watchers.of(params['channelId'] ?? '');

  router.add('GET', '/channels/:channelId', {
    auth: true,
    handle: ({ params }) => ok(channelJson(world, channelOf(params))),
  });

  router.add('GET', '/channels/:channelId/messages', {
    auth: true,
    handle: ({ params, query }) => {
      const limit = Math.min(100, Number(query.get('limit') ?? 50) || 50);
      const visible = world
        .messages(channelOf(params).id)
        .filter((message) => !(message.flags & MessageFlag.Ephemeral));
      return ok(
        visible
          .slice(-limit)
          .reverse()
          .map((message) => messageJson(world, message)),
      );
    },
  });

  router.add('POST', '/channels/:channelId/messages', {
    auth: true,
    collectors: channelCollectors,
    handle: ({ params, body, files }) => {
      const channel = channelOf(params);
      const payload = asObject(body);
      requirePostable(world, channel, payload, files.length);
      const message = createBotMessage(core, channel, payload, files, {
        type: payload['message_reference'] ? 19 : 0,
        webhookId: null,
        interactionMetadata: null,
      });
      const reply = {
        kind: 'message' as const,
        ephemeral: false,
        body,
        messageId: message.id,
        channelId: channel.id,
        ...(files.length > 0 ? { files } : {}),
      };
      for (const collector of watchers.forMessage(channel.id, message.messageReference?.message_id ?? null))
        collector.add(reply);
      return ok(messageJson(world, message));
    },
  });

  router.add('GET', '/channels/:channelId/messages/:messageId', {
    auth: true,
    handle: ({ params }) => ok(messageJson(world, botMessage(params))),
  });

  router.add('PATCH', '/channels/:channelId/messages/:messageId', {
    auth: true,
    collectors: channelCollectors,
    handle: ({ params, body, files, collectors }) => {
      const message = botMessage(params);
      if (message.author.id !== world.bot.id) throw Errors.missingAccess();
      editBotMessage(core, message, asObject(body), files);
      for (const collector of collectors)
        collector.add({ kind: 'edit', ephemeral: false, body, messageId: message.id, channelId: message.channelId });
      return ok(messageJson(world, message));
    },
  });

  router.add('DELETE', '/channels/:channelId/messages/:messageId', {
    auth: true,
    collectors: channelCollectors,
    handle: ({ params }) => {
      deleteMessage(core, botMessage(params));
      return { status: 204 };
    },
  });

  // Typing and reactions: accepted and ignored, but they show the bot is still busy.
  router.add('POST', '/channels/:channelId/typing', {
    auth: true,
    collectors: channelCollectors,
    handle: ({ params }) => (channelOf(params), { status: 204 }),
  });
  for (const method of ['PUT', 'DELETE']) {
    router.add(method, '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', {
      auth: true,
      handle: ({ params }) => (botMessage(params), { status: 204 }),
    });
  }

  router.add('POST', '/users/@me/channels', {
    auth: true,
    handle: ({ body }) => {
      const recipient = world.user(asString(asObject(body)['recipient_id']) ?? '');
      if (!recipient || recipient.bot) throw Errors.unknownUser();
      return ok(channelJson(world, world.dmChannel(recipient)));
    },
  });

  const guildOf = (params: Readonly<Record<string, string>>) => {
    const guild = world.guild(params['guildId'] ?? '');
    if (!guild) throw Errors.unknownGuild();
    return guild;
  };
  router.add('GET', '/guilds/:guildId', { auth: true, handle: ({ params }) => ok(guildJson(guildOf(params))) });
  router.add('GET', '/guilds/:guildId/roles', {
    auth: true,
    handle: ({ params }) => ok([...guildOf(params).roles.values()].map(roleJson)),
  });
  router.add('GET', '/guilds/:guildId/channels', {
    auth: true,
    handle: ({ params }) =>
      ok(
        guildOf(params).channelIds.flatMap((id) => {
          const channel = world.getChannel(id);
          return channel && channel.type !== ChannelType.DM ? [channelJson(world, channel)] : [];
        }),
      ),
  });
  router.add('GET', '/guilds/:guildId/members', {
    auth: true,
    handle: ({ params, query }) => {
      const limit = Math.min(1000, Number(query.get('limit') ?? 1) || 1);
      return ok([...guildOf(params).members.values()].slice(0, limit).map((member) => memberJson(world, member)));
    },
  });
  router.add('GET', '/guilds/:guildId/members/:userId', {
    auth: true,
    handle: ({ params }) => {
      const member = guildOf(params).members.get(params['userId'] ?? '');
      if (!member) throw Errors.unknownMember();
      return ok(memberJson(world, member));
    },
  });
}
