import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { slashDefinitions } from '../../src/dispatch/registry.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { OptionInput, StoredMessage } from '../../src/sandbox/index.js';
import {
  messageInGeneral,
  buttonsOf,
  callbackType,
  dataOf,
  descriptionOf,
  LEVEL,
  person,
  quotesOf,
  sharedWorlds,
  startWorld,
  TRANSPORTS,
  type MessageData,
  type World,
} from './support.js';

const EXPIRED = 'This answer has expired: ask again.';
const EPHEMERAL = 64;
const article = loadCorpus().article;

const worldOver = sharedWorlds((transport) => startWorld({ transport }));
let world: World;

/** Every quote is the article's own words, inside the paragraph it cites. */
function expectVerbatim(data: MessageData): { text: string; citation: string }[] {
  const quotes = quotesOf(descriptionOf(data));
  expect(quotes.length).toBeGreaterThan(0);
  for (const { text, citation } of quotes) {
    const paragraph = Number(/¶(\d+)/.exec(citation)?.[1]);
    expect(article.paragraphs[paragraph]?.text).toContain(text.replace(/…/g, ''));
  }
  return quotes;
}

function storedMessage(replyMessageId: string | undefined, channelId: string | undefined): StoredMessage {
  const message = world.discord.world.message(channelId ?? world.discord.world.general.id, replyMessageId ?? '');
  if (!message) throw new Error('the reply left no stored message');
  return message;
}

/** Options a person could give `definitions`: the read-only subcommand if there is one, every required option filled. */
function sampleOptions(definitions: readonly APIApplicationCommandOption[], guildId: string): OptionInput[] {
  const subs = definitions.filter(
    (option) =>
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup,
  );
  if (subs.length > 0) {
    const sub =
      subs.find((option) => option.name === 'show' || option.name === 'list') ??
      subs.find((option) => option.type === ApplicationCommandOptionType.Subcommand) ??
      subs[0]!;
    const nested = 'options' in sub ? ((sub.options ?? []) as APIApplicationCommandOption[]) : [];
    return [{ name: sub.name, options: sampleOptions(nested, guildId) }];
  }
  const options: OptionInput[] = [];
  for (const option of definitions) {
    if (!option.required) continue;
    const choice = 'choices' in option ? option.choices?.[0]?.value : undefined;
    if (choice !== undefined) options.push({ name: option.name, value: choice });
    else if (option.type === ApplicationCommandOptionType.String) options.push({ name: option.name, value: 'cadres' });
    else if (
      option.type === ApplicationCommandOptionType.Integer ||
      option.type === ApplicationCommandOptionType.Number
    )
      options.push({ name: option.name, value: option.min_value ?? 1 });
    else if (option.type === ApplicationCommandOptionType.Boolean) options.push({ name: option.name, value: false });
    else if (option.type === ApplicationCommandOptionType.Channel)
      options.push({ name: option.name, value: world.discord.world.channel(guildId, 'general').id });
    else throw new Error(`no sample value for option ${option.name} (type ${option.type})`);
  }
  return options;
}

describe.each(TRANSPORTS)('over %s', (transport) => {
  beforeAll(async () => {
    world = await worldOver(transport);
  });

  describe('registration', () => {
    it('registers every slash command at start-up', () => {
      expect(slashDefinitions().length).toBeGreaterThanOrEqual(2);
      for (const definition of slashDefinitions())
        expect(world.discord.findCommand(definition.name), `/${definition.name}`).toBeDefined();
      expect(world.discord.findCommand('ask')).toBeDefined();
      expect(world.discord.findCommand('quote')).toBeDefined();
    });

    it('answers every registered command without an error (in a server of its own, as a moderator)', async () => {
      const guild = world.discord.world.addGuild('Every command');
      const start = world.logs.length;
      for (const definition of slashDefinitions()) {
        const { name } = definition;
        const user = person(world, { guildId: guild.id, manageGuild: true });
        const exchange = await world.discord.command({
          user,
          guildId: guild.id,
          name,
          options: sampleOptions(definition.options ?? [], guild.id),
        });
        expect(exchange.denied, `/${name}`).toBeUndefined();
        expect(exchange.timedOut, `/${name}`).toBe(false);
        expect(exchange.rejected, `/${name}`).toEqual([]);
        const shown = exchange.replies.filter((reply) => callbackType(reply) !== 5);
        expect(shown.length, `/${name}`).toBeGreaterThan(0);
        for (const reply of shown) {
          const data = dataOf(reply);
          expect(data.content ?? '', `/${name}`).not.toMatch(/Something went wrong/);
          expect((data.embeds?.length ?? 0) + (data.content ? 1 : 0), `/${name}`).toBeGreaterThan(0);
          expect(data.allowed_mentions, `/${name}`).toEqual({ parse: [] });
        }
      }
      expect(world.logs.slice(start).filter((line) => line.level >= LEVEL.warn)).toEqual([]);
    });

    it('points only to commands that exist when the article does not cover a question', async () => {
      const exchange = await world.discord.command({
        user: person(world),
        name: 'ask',
        options: [{ name: 'question', value: 'what is the weather like on Mars?' }],
      });
      const text = `${descriptionOf(dataOf(exchange.replies[0]))}\n${dataOf(exchange.replies[0]).content ?? ''}`;
      expect(quotesOf(text)).toEqual([]);
      const named = [...text.matchAll(/`\/([a-z-]+)/g)].map((match) => match[1]!);
      expect(named.length).toBeGreaterThan(0);
      for (const name of named) expect(world.discord.findCommand(name), `/${name}`).toBeDefined();
    });
  });

  describe('/ask', () => {
    it('answers in the channel with cited block quotes of the article and pings no one', async () => {
      const me = person(world);
      const exchange = await world.discord.command({
        user: me,
        name: 'ask',
        options: [{ name: 'question', value: 'who gets demoted?' }],
      });
      expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', false]]);
      expect(callbackType(exchange.replies[0])).toBe(4);
      const data = dataOf(exchange.replies[0]);
      expect(data.allowed_mentions).toEqual({ parse: [] });
      const quotes = expectVerbatim(data);
      expect(quotes[0]?.citation).toMatch(/^¶4(\.\d+)?$/);
      expect(descriptionOf(data)).toMatch(/\*\*demot\w*\*\*/);
      expect(buttonsOf(data).map((button) => button.label)).toContain('Full paragraph ¶4');
      // The answer is really posted where the question was asked.
      expect(storedMessage(exchange.replies[0]?.messageId, exchange.replies[0]?.channelId).embeds).toHaveLength(1);
    });

    it('echoes the question escaped: a mention in it neither renders nor pings', async () => {
      const me = person(world);
      const exchange = await world.discord.command({
        user: me,
        name: 'ask',
        options: [{ name: 'question', value: '@everyone who gets demoted?' }],
      });
      const data = dataOf(exchange.replies[0]);
      expect(data.allowed_mentions).toEqual({ parse: [] });
      expect(data.embeds?.[0]?.title).toContain('who gets demoted?');
      expect(data.embeds?.[0]?.title).not.toContain('@everyone');
    });
  });

  describe('/quote', () => {
    it('pages through its matches with ◀ / ▶, updating the message in place', async () => {
      const me = person(world);
      const first = await world.discord.command({
        user: me,
        name: 'quote',
        options: [{ name: 'text', value: 'cadres' }],
      });
      const data = dataOf(first.replies[0]);
      expect(first.replies[0]?.ephemeral).toBe(false);
      expect(data.allowed_mentions).toEqual({ parse: [] });
      expect(data.embeds?.[0]?.footer?.text).toMatch(/Match 1 of [2-5]\b/);
      const firstQuote = expectVerbatim(data)[0];
      const [previous, next] = buttonsOf(data);
      expect(previous).toMatchObject({ label: '◀ Previous match', disabled: true });
      expect(next).toMatchObject({ label: 'Next match ▶' });
      expect(next?.disabled ?? false).toBe(false);

      const message = storedMessage(first.replies[0]?.messageId, first.replies[0]?.channelId);
      const forward = await world.discord.pressButton({ user: me, message, customId: next!.custom_id! });
      expect(forward.replies.map((reply) => reply.kind)).toEqual(['callback']);
      expect(callbackType(forward.replies[0])).toBe(7);
      const updated = storedMessage(message.id, message.channelId);
      const shown = updated.embeds[0] as { footer?: { text?: string }; description?: string };
      expect(shown.footer?.text).toMatch(/Match 2 of [2-5]\b/);
      const secondQuote = expectVerbatim(dataOf(forward.replies[0]))[0];
      expect(secondQuote).not.toEqual(firstQuote);

      const back = buttonsOf({ components: updated.components as MessageData['components'] }).find(
        (button) => button.label === '◀ Previous match',
      );
      expect(back?.disabled ?? false).toBe(false);
      const backward = await world.discord.pressButton({ user: me, message: updated, customId: back!.custom_id! });
      expect(callbackType(backward.replies[0])).toBe(7);
      expect(
        (storedMessage(message.id, message.channelId).embeds[0] as { footer?: { text?: string } }).footer?.text,
      ).toMatch(/Match 1 of/);
      expect(quotesOf(descriptionOf(dataOf(backward.replies[0])))[0]).toEqual(firstQuote);
    });

    it('"Full paragraph" answers only the presser with the whole paragraph, leaving the message as it was', async () => {
      const me = person(world);
      const asked = await world.discord.command({
        user: me,
        name: 'quote',
        options: [{ name: 'text', value: 'flock of sheep' }],
      });
      const data = dataOf(asked.replies[0]);
      expect(expectVerbatim(data)[0]?.citation).toBe('¶11.1');
      const message = storedMessage(asked.replies[0]?.messageId, asked.replies[0]?.channelId);
      const before = JSON.stringify(message.embeds);
      const full = buttonsOf(data).find((button) => button.label === 'Full paragraph ¶11');
      expect(full).toBeDefined();

      const bob = person(world);
      const pressed = await world.discord.pressButton({ user: bob, message, customId: full!.custom_id! });
      expect(pressed.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
      expect(callbackType(pressed.replies[0])).toBe(4);
      const paragraph = dataOf(pressed.replies[0]);
      expect((paragraph.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(quotesOf(descriptionOf(paragraph))).toEqual([{ text: article.paragraphs[11]?.text, citation: '¶11' }]);
      expect(JSON.stringify(storedMessage(message.id, message.channelId).embeds)).toBe(before);
    });

    it('paged by someone other than the asker, answers them privately and leaves the public answer as it was', async () => {
      const asker = person(world);
      const asked = await world.discord.command({
        user: asker,
        name: 'quote',
        options: [{ name: 'text', value: 'cadres' }],
      });
      const message = storedMessage(asked.replies[0]?.messageId, asked.replies[0]?.channelId);
      const before = JSON.stringify([message.embeds, message.components]);
      const next = buttonsOf(dataOf(asked.replies[0])).find((button) => button.label === 'Next match ▶');

      const stranger = person(world);
      const pressed = await world.discord.pressButton({ user: stranger, message, customId: next!.custom_id! });
      expect(pressed.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
      expect(callbackType(pressed.replies[0])).toBe(4);
      expect(dataOf(pressed.replies[0]).embeds?.[0]?.footer?.text).toMatch(/Match 2 of/);
      const after = storedMessage(message.id, message.channelId);
      expect(JSON.stringify([after.embeds, after.components])).toBe(before);
    });

    it('autocompletes the text with at most 25 choices of at most 100 characters', async () => {
      const typed = ['lion', 'the', 'c', '', 'officials who dare to take responsibility '.repeat(4)];
      let offered = 0;
      for (const value of typed) {
        const choices = await world.discord.autocomplete({
          user: person(world),
          name: 'quote',
          options: [{ name: 'text', value, focused: true }],
        });
        expect(choices.length, `"${value}"`).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeGreaterThan(0);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
        offered += choices.length;
      }
      expect(offered).toBeGreaterThan(0);
      const lion = await world.discord.autocomplete({
        user: person(world),
        name: 'quote',
        options: [{ name: 'text', value: 'lion', focused: true }],
      });
      expect(lion.some((choice) => /lion/i.test(choice.name))).toBe(true);
    });
  });

  describe('hide and Share', () => {
    it('hide:true answers ephemerally with Share; Share posts the same embeds publicly without Share, once', async () => {
      const me = person(world);
      const hidden = await world.discord.command({
        user: me,
        name: 'ask',
        options: [
          { name: 'question', value: 'who gets demoted?' },
          { name: 'hide', value: true },
        ],
      });
      expect(hidden.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
      const data = dataOf(hidden.replies[0]);
      const share = buttonsOf(data).find((button) => button.label === 'Share');
      expect(share).toBeDefined();
      expectVerbatim(data);

      const message = storedMessage(hidden.replies[0]?.messageId, hidden.replies[0]?.channelId);
      const shared = await world.discord.pressButton({ user: me, message, customId: share!.custom_id! });
      // The private answer is redrawn with its Share button spent; the public copy follows it.
      expect(shared.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
        ['callback', true],
        ['followup', false],
      ]);
      expect(callbackType(shared.replies[0])).toBe(7);
      const spent = buttonsOf(dataOf(shared.replies[0]));
      expect(spent.find((button) => button.label === 'Shared')).toMatchObject({ disabled: true });
      expect(spent.some((button) => button.label === 'Share')).toBe(false);
      expect(dataOf(shared.replies[0]).embeds).toEqual(data.embeds);
      const publicData = dataOf(shared.replies[1]);
      expect((publicData.flags ?? 0) & EPHEMERAL).toBe(0);
      // The copy is of the embeds as Discord returned them, which carry `type: "rich"`.
      expect(publicData.embeds).toMatchObject(data.embeds ?? []);
      expect(buttonsOf(publicData).map((button) => button.label)).toEqual(
        buttonsOf(data)
          .map((button) => button.label)
          .filter((label) => label !== 'Share'),
      );
      expect(publicData.content).toContain(`<@${me.id}>`);
      expect(publicData.allowed_mentions).toEqual({ parse: [] });
      const posted = storedMessage(shared.replies[1]?.messageId, shared.replies[1]?.channelId);
      expect(posted.flags & EPHEMERAL).toBe(0);

      // Spent: Discord no longer offers Share on the private answer, and "Shared" cannot be pressed.
      const publicMessages = (): number =>
        world.discord.world.messages(posted.channelId).filter((m) => (m.flags & EPHEMERAL) === 0).length;
      const before = publicMessages();
      const again = await world.discord.pressButton({ user: me, message, customId: share!.custom_id! });
      expect(again.denied).toMatch(/no button with custom_id "share"/);
      const spentButton = await world.discord.pressButton({ user: me, message, customId: 'shared' });
      expect(spentButton.denied).toMatch(/disabled/);
      expect(publicMessages()).toBe(before);
    });

    it('paging a hidden /quote keeps it hidden and shareable', async () => {
      const me = person(world);
      const hidden = await world.discord.command({
        user: me,
        name: 'quote',
        options: [
          { name: 'text', value: 'cadres' },
          { name: 'hide', value: true },
        ],
      });
      expect(hidden.replies[0]?.ephemeral).toBe(true);
      const message = storedMessage(hidden.replies[0]?.messageId, hidden.replies[0]?.channelId);
      const next = buttonsOf(dataOf(hidden.replies[0])).find((button) => button.label === 'Next match ▶');
      const pressed = await world.discord.pressButton({ user: me, message, customId: next!.custom_id! });
      expect(callbackType(pressed.replies[0])).toBe(7);
      const updated = dataOf(pressed.replies[0]);
      expect(updated.embeds?.[0]?.footer?.text).toMatch(/Match 2 of/);
      expect(buttonsOf(updated).map((button) => button.label)).toContain('Share');
      expect(storedMessage(message.id, message.channelId).flags & EPHEMERAL).toBe(EPHEMERAL);
    });
  });

  describe('outside the server', () => {
    it('answers a slash command in the DM with the bot', async () => {
      const me = person(world);
      const exchange = await world.discord.command({
        user: me,
        name: 'ask',
        dm: true,
        options: [{ name: 'question', value: 'who gets demoted?' }],
      });
      expect(exchange.denied).toBeUndefined();
      expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
      expect(exchange.replies[0]?.channelId).toBe(world.discord.world.dmChannel(me).id);
      expect(expectVerbatim(dataOf(exchange.replies[0]))[0]?.citation).toMatch(/^¶4/);
    });

    it('answers as a user-installed app in a private channel the bot is not in', async () => {
      const me = person(world);
      const exchange = await world.discord.command({
        user: me,
        name: 'quote',
        dm: true,
        userInstall: true,
        options: [{ name: 'text', value: 'flock of sheep' }],
      });
      expect(exchange.denied).toBeUndefined();
      expect(exchange.replies[0]?.channelId).toBe(world.discord.world.privateChannel(me).id);
      expect(expectVerbatim(dataOf(exchange.replies[0]))[0]?.citation).toBe('¶11.1');
    });

    it('answers as a user-installed app in another server', async () => {
      const other = world.discord.world.addGuild('Elsewhere');
      const carol = world.discord.world.member('carol', { guildId: other.id });
      const exchange = await world.discord.command({
        user: carol,
        guildId: other.id,
        name: 'ask',
        userInstall: true,
        options: [{ name: 'question', value: 'who gets demoted?' }],
      });
      expect(exchange.denied).toBeUndefined();
      expect(exchange.replies[0]?.channelId).toBe(other.channelIds[0]);
      expect(expectVerbatim(dataOf(exchange.replies[0])).length).toBeGreaterThan(0);
    });
  });

  describe('buttons the bot cannot read', () => {
    /** A message of the bot's with one button, as an older version of the bot might have left it. */
    function oldMessage(customId: string): StoredMessage {
      return messageInGeneral(world.discord, world.discord.world.bot, 'an old answer', [
        { type: 1, components: [{ type: 2, style: 2, label: 'Old', custom_id: customId }] },
      ]);
    }

    it.each(['gone:1', 'quote:1', 'quote:x:cadres', 'para'])(
      'answers %s with the polite "expired", only to the presser',
      async (customId) => {
        const me = person(world);
        const message = oldMessage(customId);
        const exchange = await world.discord.pressButton({ user: me, message, customId });
        expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
        expect(dataOf(exchange.replies[0]).content).toBe(EXPIRED);
        expect(world.discord.world.message(message.channelId, message.id)?.content).toBe('an old answer');
      },
    );

    it('answers a paragraph button with a malformed number politely too', async () => {
      const me = person(world);
      const message = oldMessage('para:abc');
      const exchange = await world.discord.pressButton({ user: me, message, customId: 'para:abc' });
      expect(exchange.replies[0]?.ephemeral).toBe(true);
      expect(dataOf(exchange.replies[0]).content).toMatch(/has expired: ask again\.$/);
      expect(world.logs.filter((line) => line.level >= LEVEL.error)).toEqual([]);
    });
  });

  describe('logs', () => {
    it('sum up what the bot handled in one info line, written when it stops; no line per interaction at info', async () => {
      const exchange = await world.discord.command({ user: person(world), name: 'goals', options: [] });
      expect(exchange.replies[0]?.kind).toBe('callback');
      const since = world.logs.length;
      await world.restart();
      const activity = world.logs.slice(since).filter((line) => line.msg === 'activity');
      expect(activity).toHaveLength(1);
      expect(activity[0]).toMatchObject({
        level: LEVEL.info,
        kinds: { command: expect.any(Number) },
        outcomes: { answered: expect.any(Number) },
      });
      expect(activity[0]!['handled']).toBeGreaterThanOrEqual(1);
      expect(world.logs.filter((line) => line.msg === 'interaction')).toEqual([]);
    });
  });
});

describe('memory, over the gateway', () => {
  beforeAll(async () => {
    world = await worldOver('gateway');
  });

  it('keeps no one who asked: only the bot itself stays among cached users and members', async () => {
    const guild = world.discord.world.guilds[0]!;
    for (let i = 0; i < 5; i++) {
      const exchange = await world.discord.command({
        user: person(world),
        guildId: guild.id,
        name: 'ask',
        options: [{ name: 'question', value: 'who gets demoted?' }],
      });
      expect(exchange.replies[0]?.kind).toBe('callback');
    }
    const { client } = world;
    expect([...client.users.cache.keys()]).toEqual([client.user!.id]);
    expect(
      [...(client.guilds.cache.get(guild.id)?.members.cache.keys() ?? [])].every((id) => id === client.user!.id),
    ).toBe(true);
  });

  it('keeps no DM channel of anyone who wrote or asked in a DM', async () => {
    for (let i = 0; i < 10; i++) {
      const user = person(world);
      expect((await world.discord.say({ user, dm: true, content: 'who gets demoted?' })).replies).toHaveLength(1);
      const asked = await world.discord.command({
        user,
        name: 'ask',
        dm: true,
        options: [{ name: 'question', value: 'who gets demoted?' }],
      });
      expect(asked.replies).toHaveLength(1);
    }
    expect(world.client.channels.cache.filter((channel) => channel.isDMBased()).size).toBe(0);
  });
});
