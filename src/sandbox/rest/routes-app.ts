import type { SandboxCore } from '../core.js';
import { isObject, type JsonObject } from '../json.js';
import { commandJson } from '../state/commands.js';
import { userJson } from '../state/payloads.js';
import { Errors, FormErrors } from './errors.js';
import type { RestRequest, RestResponse, RouteHandler } from './http.js';
import type { Router } from './router.js';
import { validateCommand, validateCommands } from './validate-commands.js';

/** Gateway discovery, the bot's own user and application, and command registration. */
export function addAppRoutes(router: Router<RouteHandler>, core: SandboxCore): void {
  const { config, world, commands } = core;
  const authed = (handle: (request: RestRequest) => RestResponse): RouteHandler => ({ auth: true, handle });
  const ok = (body: unknown, status = 200): RestResponse => ({ status, body });

  router.add('GET', '/gateway', { auth: false, handle: () => ok({ url: core.gateway.url }) });
  router.add(
    'GET',
    '/gateway/bot',
    authed(() =>
      ok({
        url: core.gateway.url,
        shards: config.shards,
        // remaining ≥ shards, or discord.js refuses to log in; max_concurrency lets shards identify together.
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 86_400_000,
          max_concurrency: Math.max(1, config.shards),
        },
      }),
    ),
  );
  router.add(
    'GET',
    '/users/@me',
    authed(() => ok({ ...userJson(world.bot), verified: true, mfa_enabled: false, email: null, locale: 'en-US' })),
  );
  router.add(
    'GET',
    '/users/:userId',
    authed(({ params }) => {
      const user = world.user(params['userId'] ?? '');
      if (!user) throw Errors.unknownUser();
      return ok(userJson(user));
    }),
  );
  router.add(
    'GET',
    '/applications/@me',
    authed(() => ok(applicationJson(core))),
  );

  const checkApp = (params: Readonly<Record<string, string>>): void => {
    if (params['applicationId'] !== config.applicationId) throw Errors.missingAccess();
  };
  const checkGuild = (params: Readonly<Record<string, string>>): string => {
    const guildId = params['guildId'] ?? '';
    if (!world.guild(guildId)) throw Errors.unknownGuild();
    return guildId;
  };
  for (const scoped of [false, true]) {
    const base = scoped
      ? '/applications/:applicationId/guilds/:guildId/commands'
      : '/applications/:applicationId/commands';
    const scopeOf = (params: Readonly<Record<string, string>>): string | null => (scoped ? checkGuild(params) : null);
    router.add(
      'GET',
      base,
      authed(({ params }) => {
        checkApp(params);
        return ok(commands.list(scopeOf(params)).map(commandJson));
      }),
    );
    router.add(
      'PUT',
      base,
      authed(({ params, body }) => {
        checkApp(params);
        if (!Array.isArray(body))
          throw Errors.invalidForm({ _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] });
        const valid = validateCommands(body);
        return ok(commands.replace(config.applicationId, scopeOf(params), valid).map(commandJson));
      }),
    );
    router.add(
      'POST',
      base,
      authed(({ params, body }) => {
        checkApp(params);
        const raw = requireCommand(body);
        const { command, created } = commands.upsert(config.applicationId, scopeOf(params), raw);
        return ok(commandJson(command), created ? 201 : 200);
      }),
    );
    router.add(
      'GET',
      `${base}/:commandId`,
      authed(({ params }) => {
        checkApp(params);
        const command = commands.get(scopeOf(params), params['commandId'] ?? '');
        if (!command) throw Errors.unknownCommand();
        return ok(commandJson(command));
      }),
    );
    router.add(
      'PATCH',
      `${base}/:commandId`,
      authed(({ params, body }) => {
        checkApp(params);
        const command = commands.edit(scopeOf(params), params['commandId'] ?? '', isObject(body) ? body : {});
        if (!command) throw Errors.unknownCommand();
        return ok(commandJson(command));
      }),
    );
    router.add(
      'DELETE',
      `${base}/:commandId`,
      authed(({ params }) => {
        checkApp(params);
        if (!commands.remove(scopeOf(params), params['commandId'] ?? '')) throw Errors.unknownCommand();
        return { status: 204 };
      }),
    );
  }
}

function requireCommand(body: unknown): JsonObject {
  const raw = isObject(body) ? body : {};
  const errors = new FormErrors();
  validateCommand(raw, 'command', errors);
  errors.throwIfAny();
  return raw;
}

function applicationJson(core: SandboxCore): JsonObject {
  const { world, config } = core;
  return {
    id: config.applicationId,
    name: world.bot.username,
    icon: null,
    description: 'Local Discord sandbox application',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    bot: userJson(world.bot),
    owner: userJson(world.owner),
    verify_key: core.http.keys.publicKeyHex,
    flags: 0,
    flags_new: '0',
    team: null,
    tags: [],
    redirect_uris: [],
    interactions_endpoint_url: core.http.endpoint?.url ?? null,
    role_connections_verification_url: null,
    explicit_content_filter: 0,
    eligible_oauth2_scopes: ['applications.commands', 'bot'],
    integration_types_config: { '0': {}, '1': {} },
    approximate_guild_count: world.guilds.length,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
  };
}
