import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitions } from '../../src/dispatch/index.js';
import { LocalDiscord, type Exchange, type SandboxUser } from '../../src/sandbox/index.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../settings/postgres-server.js';
import { Nginx, needsNginx, nginxMissing, type AccessLine } from '../support/nginx.js';
import { HttpInstance } from './http-instance.js';
import { configOptions, dataOf, SLOW_DOWN, verdictOf } from './support.js';

/**
 * The bot as two `npm run start:http` instances behind a real nginx (round robin, the config the
 * harness generates) on one PostgreSQL, its own: restarting it disturbs no other test (it starts
 * in about 1.5 s on this machine). The local Discord signs and delivers every interaction to
 * nginx, with Discord's 3 s to answer. Each instance's debug line for an interaction it settled
 * is its report: it ends the exchange and says which instance answered.
 */

const LONG = 120_000;
/** Sends to keep trying until round robin has handed one to each instance; nginx alternates, so two suffice. */
const TURNS = 6;

const HEARD = 'settings change heard';
const RESUMED = 'settings notices resumed; all settings read again';

let postgres: ThrowawayPostgres;
let discord: LocalDiscord;
let nginx: Nginx;
const instances: HttpInstance[] = [];
const dataDirs: string[] = [];
/** Which instance reported each interaction, by its id. */
const reportedBy = new Map<string, string>();
let guildId: string;
let general: string;
let policy: string;
let mod: SandboxUser;
let people = 0;

beforeAll(async () => {
  if (nginxMissing()) return;
  postgres = await startThrowawayPostgres();
  discord = await LocalDiscord.start({ settlement: 'reported', timeoutMs: 10_000 });
  // What `npm run deploy-commands` does; the instances themselves never register anything.
  await new REST({ api: discord.restApi })
    .setToken(discord.botToken)
    .put(Routes.applicationCommands(discord.applicationId), { body: definitions() });
  const report = (settled: { id: string; outcome: string }, instance: HttpInstance): void => {
    reportedBy.set(settled.id, instance.name);
    discord.settle(settled);
  };
  for (const name of ['a', 'b']) dataDirs.push(await mkdtemp(join(tmpdir(), `policy-bot-instance-${name}-`)));
  // Started together: both bring the one schema up to date at once, taking turns.
  instances.push(
    ...(await Promise.all(
      ['a', 'b'].map((name, i) =>
        HttpInstance.start(
          name,
          {
            DISCORD_PUBLIC_KEY: discord.publicKey,
            DISCORD_CLIENT_ID: discord.applicationId,
            DISCORD_API: discord.restApi,
            DATA_DIR: dataDirs[i]!,
            DATABASE_URL: postgres.url,
            PRIVACY_CONTACT: 'privacy@policy-bot.example',
          },
          report,
        ),
      ),
    )),
  );
  nginx = await Nginx.start({ upstreams: instances.map((instance) => instance.port) });
  const saved = await discord.setInteractionsEndpoint(`${nginx.url}/interactions`);
  if (!saved.ok) throw new Error(`the local Discord refused nginx's URL: ${saved.reason}`);
  const guild = discord.world.addGuild('Behind nginx');
  guildId = guild.id;
  general = discord.world.channel(guildId, 'general').id;
  policy = discord.world.channel(guildId, 'policy').id;
  mod = discord.world.member('moderator', { guildId, manageGuild: true });
}, LONG);

afterAll(async () => {
  for (const instance of instances) await instance.kill();
  await nginx?.stop();
  await discord?.stop();
  await postgres?.stop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
}, LONG);

const [a, b] = [(): HttpInstance => instances[0]!, (): HttpInstance => instances[1]!];
const named = (name: string | undefined): HttpInstance | undefined => instances.find((one) => one.name === name);
const other = (instance: HttpInstance): HttpInstance => (instance === a() ? b() : a());

function newPerson(): SandboxUser {
  return discord.world.member(`person-${++people}`, { guildId });
}

function ask(user: SandboxUser, channelId: string): Promise<Exchange> {
  return discord.command({
    user,
    guildId,
    channelId,
    name: 'ask',
    options: [{ name: 'question', value: 'who gets demoted?' }],
  });
}

async function configure(options: ReturnType<typeof configOptions.channels>): Promise<Exchange> {
  const exchange = await discord.command({ user: mod, guildId, name: 'config', options });
  expect(exchange.denied).toBeUndefined();
  expect(exchange.settlement).toEqual({ outcome: 'answered' });
  return exchange;
}

/** `verdictOf`, and nothing refused by the local Discord on the way (a late answer, a second one). */
function answered(exchange: Exchange): 'answered' | 'refused' {
  expect(exchange.rejected).toEqual([]);
  return verdictOf(exchange);
}

/**
 * Sends until each instance has answered one (round robin takes turns; a bound, never luck), and
 * gives every exchange to `check` with the instance that reported it.
 */
async function throughBoth(send: () => Promise<Exchange>, check: (exchange: Exchange) => void): Promise<void> {
  const seen = new Set<string>();
  for (let turn = 0; turn < TURNS && seen.size < 2; turn++) {
    const exchange = await send();
    check(exchange);
    seen.add(reportedBy.get(exchange.interactionId) ?? 'nobody');
  }
  expect([...seen].sort()).toEqual(['a', 'b']);
}

/**
 * The POSTs nginx logged from line `from` on, once there are `count`: it writes a line after it
 * has answered, so the last may trail the answers a moment (a bound of 10 s, not an expectation).
 */
async function postsSince(from: number, count: number): Promise<AccessLine[]> {
  let posts: AccessLine[] = [];
  const read = async (): Promise<boolean> => {
    posts = (await nginx.accessLog()).slice(from).filter((line) => line.method === 'POST');
    return posts.length >= count;
  };
  for (let poll = 0; poll < 500 && !(await read()); poll++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(posts).toHaveLength(count);
  return posts;
}

/** An /ask in `channelId` through each instance, each answered, publicly or privately as `ephemeral` says. */
function answeredByBoth(channelId: string, ephemeral: boolean): Promise<void> {
  return throughBoth(
    () => ask(newPerson(), channelId),
    (exchange) => {
      expect(answered(exchange)).toBe('answered');
      expect(exchange.replies[0]?.ephemeral).toBe(ephemeral);
    },
  );
}

const instanceOf = (exchange: Exchange): HttpInstance => {
  const instance = named(reportedBy.get(exchange.interactionId));
  if (!instance) throw new Error(`no instance reported ${exchange.interactionId}`);
  return instance;
};

describe('two npm run start:http instances behind nginx, on one PostgreSQL', () => {
  it(
    "obeys a moderator's /config made through one instance on the other too",
    async (context) => {
      needsNginx(context);
      // No answer channel yet: answers are public everywhere, from both.
      await answeredByBoth(general, false);
      const since = instances.map((instance) => instance.logs.length);
      const added = await configure(configOptions.channels('add', policy));
      expect(dataOf(added.replies.find((reply) => reply.kind === 'edit')).embeds?.[0]?.title).toBe(
        'Answer channel added',
      );
      const through = instanceOf(added);
      const elsewhere = other(through);
      // The other one hears of it from PostgreSQL (NOTIFY), not from a re-read of its own.
      await elsewhere.logged(
        (line) => line.msg === HEARD && line['guild'] === guildId,
        since[instances.indexOf(elsewhere)],
      );
      // Outside the answer channel the answer is private now, whichever instance gives it; inside, public.
      await answeredByBoth(general, true);
      await answeredByBoth(policy, false);
    },
    LONG,
  );

  it(
    "answers a person's first six quick asks and refuses the seventh, whichever instance gets it",
    async (context) => {
      needsNginx(context);
      const asker = newPerson();
      const answeredBy = new Set<string>();
      for (let n = 0; n < 6; n++) {
        const exchange = await ask(asker, policy);
        expect(answered(exchange)).toBe('answered');
        answeredBy.add(instanceOf(exchange).name);
      }
      // nginx took turns: the six were counted across both processes, not three in each.
      expect([...answeredBy].sort()).toEqual(['a', 'b']);
      await throughBoth(
        () => ask(asker, policy),
        (exchange) => {
          expect(answered(exchange)).toBe('refused');
          const seconds = Number(SLOW_DOWN.exec(dataOf(exchange.replies[0]).content ?? '')?.[1]);
          expect(seconds).toBeGreaterThanOrEqual(1);
          expect(seconds).toBeLessThanOrEqual(30);
        },
      );
    },
    LONG,
  );

  it(
    'answers again through both once PostgreSQL has restarted, and a change made afterwards reaches both',
    async (context) => {
      needsNginx(context);
      const since = instances.map((instance) => instance.logs.length);
      await postgres.restart();
      // Each lost its notice connection, listened again and read every setting anew.
      for (const [i, instance] of instances.entries()) {
        await instance.logged((line) => line.msg === RESUMED, since[i]);
        expect(instance.logs.slice(since[i]).map((line) => line.msg)).toContain(
          'settings notices lost; the cache serves what it holds until they resume',
        );
      }
      await answeredByBoth(policy, false);

      const after = instances.map((instance) => instance.logs.length);
      const removed = await configure(configOptions.channels('remove', policy));
      const elsewhere = other(instanceOf(removed));
      await elsewhere.logged(
        (line) => line.msg === HEARD && line['guild'] === guildId,
        after[instances.indexOf(elsewhere)],
      );
      // No answer channel left: public everywhere again, from both.
      await answeredByBoth(general, false);
    },
    LONG,
  );

  it(
    'answers every interaction not in flight on an instance killed mid-burst, from the other',
    async (context) => {
      needsNginx(context);
      // What carries this is nginx's `proxy_next_upstream error timeout` (tests/support/nginx.ts,
      // the README's example): a request no instance has received goes to the next one. A real
      // deployment needs that, TLS in front (Discord requires it), and peace with losing what was
      // in flight on an instance that dies: Discord never sends an interaction twice, and nginx
      // does not resend a POST an instance may have acted on. Those people see "This interaction
      // failed"; their exchanges here end on the time limit, since a dead instance reports nothing.
      const killed = b();
      const left = a();
      const logged = (await nginx.accessLog()).length;
      const since = killed.logs.length;
      const burst = (count: number): Promise<Exchange>[] =>
        Array.from({ length: count }, () => ask(newPerson(), policy));
      // Enough that the one killed is still at work on its share when its first report is written out.
      const before = burst(60);
      // Killed as soon as it has reported one of the burst; then more are sent, to the one left.
      await killed.logged((line) => line.msg === 'interaction' && line['name'] === 'ask', since);
      expect(await killed.kill()).toEqual({ code: null, signal: 'SIGKILL' });
      const after = burst(12);
      const exchanges = await Promise.all([...before, ...after]);

      // nginx's record of each POST: which instances it tried, and what it answered.
      const posts = await postsSince(logged, exchanges.length);
      const inFlight = posts.filter((line) => line.status === 502);
      // What failed was only ever passed to the killed instance, which had received it.
      for (const line of inFlight) expect(line.upstreams).toEqual([killed.address]);
      expect(posts.filter((line) => line.status === 200)).toHaveLength(exchanges.length - inFlight.length);

      const failed = exchanges.filter((exchange) => exchange.replies.length === 0);
      expect(failed).toHaveLength(inFlight.length);
      for (const exchange of failed)
        expect(exchange.rejected.map((rejection) => [rejection.route, rejection.status])).toEqual([
          ['POST interactions endpoint', 502],
        ]);
      // Everything else was answered, within Discord's 3 s (a late answer is refused, and would show here).
      for (const exchange of exchanges.filter((one) => one.replies.length > 0)) {
        expect(answered(exchange)).toBe('answered');
        // A report is missing only where the killed instance had logged it but not yet written it out.
        if (!reportedBy.has(exchange.interactionId)) expect(exchange.timedOut).toBe(true);
      }
      // Everything sent once it was gone was answered by the one left.
      for (const exchange of await Promise.all(after)) expect(reportedBy.get(exchange.interactionId)).toBe(left.name);
    },
    LONG,
  );
});
