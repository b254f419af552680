/** The real dispatcher on plain JSON, with what it sends read back as message bodies. */
import { InteractionResponseType, type APIInteraction } from 'discord.js';
import { dispatchDeps, dispatchInteraction, type DispatchDeps, type Handled } from '../../src/dispatch/index.js';
import { buttonRows, type MessageBody } from '../../src/replies/payload-rules.js';
import { MemorySettingsStore } from '../../src/settings/index.js';
import { BOT_ID } from './discord-json.js';

export const START = 1_800_000_000_000;

/** A dispatcher's dependencies over an in-memory settings store and a clock that moves only when asked. */
export function testDeps(overrides: Partial<DispatchDeps> = {}): DispatchDeps & { clock: { now: number } } {
  const clock = { now: START };
  return {
    ...dispatchDeps({
      settings: new MemorySettingsStore({ now: () => clock.now }),
      botId: BOT_ID,
      now: () => clock.now,
    }),
    ...overrides,
    clock,
  };
}

/** One message sent for an interaction: how, its callback type for a response, and its body. */
export interface Sent {
  readonly via: 'response' | 'edit' | 'followUp';
  /** The interaction response's type (4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 choices). */
  readonly type?: InteractionResponseType;
  readonly body: MessageBody;
}

/** Everything the dispatcher sends for a handled interaction, in order, once the work after it is done. */
export async function sentFor(handled: Handled): Promise<Sent[]> {
  const sent: Sent[] = [];
  const { response } = handled;
  if (response) {
    const body: MessageBody =
      (response.type === InteractionResponseType.ChannelMessageWithSource ||
        response.type === InteractionResponseType.UpdateMessage ||
        response.type === InteractionResponseType.DeferredChannelMessageWithSource) &&
      response.data
        ? response.data
        : {};
    sent.push({ via: 'response', type: response.type, body });
  }
  const later = await handled.later;
  for (const action of later?.actions ?? []) {
    if ('edit' in action) sent.push({ via: 'edit', body: action.body });
    else sent.push({ via: 'followUp', body: action.followUp });
  }
  return sent;
}

/** Dispatches an interaction and reads back what it sends, and how it ended. */
export async function exchange(
  interaction: APIInteraction,
  deps: DispatchDeps,
): Promise<{ handled: Handled; sent: Sent[]; outcome: string; reason: string | undefined }> {
  const handled = await dispatchInteraction(interaction, deps);
  const sent = await sentFor(handled);
  const later = await handled.later;
  return { handled, sent, outcome: later?.outcome ?? handled.outcome, reason: later?.reason ?? handled.reason };
}

/** The custom_id of the button with this label, or undefined. */
export function buttonLabelled(body: MessageBody, label: string): string | undefined {
  for (const { buttons } of buttonRows(body))
    for (const button of buttons) if ('custom_id' in button && button.label === label) return button.custom_id;
  return undefined;
}

/** Every custom_id a message carries. */
export function customIdsOf(body: MessageBody): string[] {
  return buttonRows(body).flatMap(({ buttons }) => buttons.flatMap((b) => ('custom_id' in b ? [b.custom_id] : [])));
}

/** The messages among what was sent: the acknowledgements of deferred work ("thinking…") left out. */
export function messagesIn(sent: readonly Sent[]): MessageBody[] {
  return sent
    .filter(
      (s) =>
        s.type !== InteractionResponseType.DeferredChannelMessageWithSource &&
        s.type !== InteractionResponseType.DeferredMessageUpdate,
    )
    .map((s) => s.body);
}
