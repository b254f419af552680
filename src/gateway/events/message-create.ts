import type { GatewayMessageCreateDispatchData } from 'discord.js';
import { dispatchMessage } from '../../dispatch/index.js';
import type { Gateway } from '../gateway.js';
import { sendMessageReply } from '../send.js';
import { settle } from '../../transport/settle.js';

/** MESSAGE_CREATE, as Discord's JSON: a DM or a mention answered, anything else left alone. */
export function onMessageCreate(gateway: Gateway) {
  return (message: GatewayMessageCreateDispatchData): void => {
    gateway.work.track(async () => {
      const deps = gateway.deps();
      if (!deps) return;
      const started = performance.now();
      const handled = await dispatchMessage(message, deps);
      const ending = await sendMessageReply(gateway, message, handled);
      settle(gateway, message.id, { kind: 'message', guild: message.guild_id }, ending, started);
    });
  };
}
