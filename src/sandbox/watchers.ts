import type { ReplyCollector } from './collect.js';

interface Watch {
  readonly collector: ReplyCollector;
  /** The user message this exchange answers: a reply referencing it belongs to this exchange only. */
  readonly anchorMessageId: string | null;
}

/**
 * Which open exchanges listen to a channel. A bot message posted there is attributed to the
 * exchange whose message it replies to, or else to every exchange open in that channel.
 */
export class ChannelWatchers {
  readonly #byChannel = new Map<string, Set<Watch>>();

  watch(channelId: string, collector: ReplyCollector, anchorMessageId: string | null = null): void {
    const watch: Watch = { collector, anchorMessageId };
    let set = this.#byChannel.get(channelId);
    if (!set) {
      set = new Set();
      this.#byChannel.set(channelId, set);
    }
    set.add(watch);
    collector.onFinish(() => {
      set.delete(watch);
      if (set.size === 0 && this.#byChannel.get(channelId) === set) this.#byChannel.delete(channelId);
    });
  }

  of(channelId: string): ReplyCollector[] {
    const set = this.#byChannel.get(channelId);
    return set ? [...set].map((watch) => watch.collector) : [];
  }

  /** The exchanges a new bot message in `channelId` belongs to. */
  forMessage(channelId: string, referencedMessageId: string | null): ReplyCollector[] {
    const set = this.#byChannel.get(channelId);
    if (!set) return [];
    if (referencedMessageId) {
      const anchored = [...set].filter((watch) => watch.anchorMessageId === referencedMessageId);
      if (anchored.length > 0) return anchored.map((watch) => watch.collector);
    }
    return [...set].map((watch) => watch.collector);
  }
}
