import type { APIInteraction } from 'discord.js';
import { dispatchInteraction } from '../../dispatch/index.js';
import { settle } from '../../transport/settle.js';
import type { Gateway } from '../gateway.js';
import { sendHandled } from '../send.js';

/** INTERACTION_CREATE, as Discord's JSON: dispatched, and what the dispatcher returned sent. */
export function onInteractionCreate(gateway: Gateway) {
  return (interaction: APIInteraction): void => {
    gateway.work.track(async () => {
      const deps = gateway.deps();
      if (!deps) return;
      const started = performance.now();
      // Discord sends none here once an Interactions Endpoint URL is saved; should one come (the
      // URL cleared), the HTTP instances are the ones that answer, so it is left alone.
      if (!gateway.interactions) {
        settle(
          gateway,
          interaction.id,
          { kind: 'other' },
          { outcome: 'ignored', reason: 'interactions are answered over HTTP' },
          started,
        );
        return;
      }
      const handled = await dispatchInteraction(interaction, deps);
      const ending = await sendHandled(gateway, interaction, handled);
      settle(
        gateway,
        interaction.id,
        { kind: handled.kind, name: handled.name, guild: interaction.guild_id },
        ending,
        started,
      );
    });
  };
}
