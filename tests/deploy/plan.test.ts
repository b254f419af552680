import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIApplicationCommandOption, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { deployPlan, readDeploySettings } from '../../src/deploy/plan.js';
import { COMMANDS, definitions, isSlash } from '../../src/dispatch/registry.js';

const DEFINITIONS: readonly RESTPostAPIApplicationCommandsJSONBody[] = definitions();
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const CHAT_INPUT = 1;
const STRING = 3;

/** What Discord refuses at registration, for one level of options and everything below it. */
function optionProblems(options: readonly APIApplicationCommandOption[], at: string): string[] {
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${at}: ${options.length} options`);
  for (const option of options) {
    const where = `${at}.${option.name}`;
    if (!NAME.test(option.name) || option.name !== option.name.toLowerCase()) problems.push(`${where}: bad name`);
    if (option.description.length < 1 || option.description.length > 100)
      problems.push(`${where}: description ${option.description.length}`);
    for (const localized of Object.values(option.description_localizations ?? {}))
      if ((localized ?? '').length > 100) problems.push(`${where}: localized description`);
    if ('choices' in option && option.choices) {
      if (option.choices.length > 25) problems.push(`${where}: ${option.choices.length} choices`);
      for (const choice of option.choices)
        if (choice.name.length > 100 || String(choice.value).length > 100)
          problems.push(`${where}: choice ${choice.name}`);
    }
    if (
      option.type === STRING &&
      option.max_length !== undefined &&
      (option.max_length < 1 || option.max_length > 6000)
    )
      problems.push(`${where}: max_length ${option.max_length}`);
    // Ours, not Discord's: free text is capped like search queries, so a person never types past what is answered.
    if (option.type === STRING && !('choices' in option && option.choices?.length) && option.max_length !== 200)
      problems.push(`${where}: free text max_length ${option.max_length}, not 200`);
    if ('options' in option && option.options) problems.push(...optionProblems(option.options, where));
  }
  return problems;
}

function definitionProblems(definition: RESTPostAPIApplicationCommandsJSONBody): string[] {
  const problems: string[] = [];
  const { name } = definition;
  if ((definition.type ?? CHAT_INPUT) !== CHAT_INPUT)
    return name.length >= 1 && name.length <= 32 ? [] : [`${name}: bad name`];
  if (!NAME.test(name) || name !== name.toLowerCase()) problems.push(`${name}: bad name`);
  const description = 'description' in definition ? (definition.description ?? '') : '';
  if (description.length < 1 || description.length > 100) problems.push(`${name}: description ${description.length}`);
  const options = 'options' in definition ? (definition.options ?? []) : [];
  problems.push(...optionProblems(options, name));
  const size = JSON.stringify({ name, description, options }).length;
  if (size > 4000) problems.push(`${name}: ${size} characters`);
  return problems;
}

describe('the command definitions', () => {
  it('each pass Discord’s registration rules', () => {
    expect(DEFINITIONS.flatMap(definitionProblems)).toEqual([]);
  });

  it('have unique names', () => {
    const names = DEFINITIONS.map((d) => `${d.type ?? CHAT_INPUT}:${d.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('work in servers, bot DMs and group DMs, installed to a server or a user — except moderators’ commands', () => {
    for (const definition of DEFINITIONS) {
      expect(definition.contexts, definition.name).toBeDefined();
      expect(definition.integration_types, definition.name).toBeDefined();
      // A command gated on a server permission only means something in a server.
      if (definition.default_member_permissions) continue;
      expect(definition.contexts, definition.name).toEqual([0, 1, 2]);
      expect(definition.integration_types, definition.name).toEqual([0, 1]);
    }
  });

  it('give every answer command the hide option', () => {
    const answers = COMMANDS.filter((c) => c.kind === 'answer').map((c) => c.definition);
    expect(answers.length).toBeGreaterThan(5);
    for (const definition of answers.filter(isSlash)) {
      expect(
        definition.options?.some((o) => o.name === 'hide' && o.type === 5),
        definition.name,
      ).toBe(true);
    }
  });
});

describe('choosing where to register', () => {
  const settings = { token: 'secret', clientId: '111' };

  it('registers to one server when GUILD_ID is set, instantly for development', () => {
    expect(deployPlan({ ...settings, guildId: '222' }, DEFINITIONS)).toMatchObject({
      scope: 'guild',
      route: '/applications/111/guilds/222/commands',
    });
  });

  it('registers globally without GUILD_ID', () => {
    const plan = deployPlan(settings, DEFINITIONS);
    expect(plan).toMatchObject({ scope: 'global', route: '/applications/111/commands' });
    expect(plan.body.map((d) => d.name)).toEqual(DEFINITIONS.map((d) => d.name));
  });

  it('names what is missing, treating blank values as missing', () => {
    expect(readDeploySettings({ DISCORD_TOKEN: ' ', GUILD_ID: '1' })).toEqual({
      missing: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
    });
    expect(
      readDeploySettings({
        DISCORD_TOKEN: 't',
        DISCORD_CLIENT_ID: '1',
        GUILD_ID: '',
        DISCORD_API: 'http://127.0.0.1:1/api',
      }),
    ).toEqual({
      token: 't',
      clientId: '1',
      api: 'http://127.0.0.1:1/api',
    });
  });
});

describe('npm run deploy-commands', () => {
  const script = fileURLToPath(new URL('../../scripts/deploy-commands.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  // An empty directory: no .env there for dotenv to find.
  const cwd = mkdtempSync(join(tmpdir(), 'deploy-'));
  const TOKEN = 'MTEx.not-a-real-token.xyz';

  function deploy(env: Record<string, string>): Promise<{ code: number; output: string }> {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|GUILD_ID)/.test(k)));
    return new Promise((resolve) => {
      execFile(tsx, [script], { cwd, env: { ...clean, ...env } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
      });
    });
  }

  it('without a token says to fill in .env from .env.example and exits 1', async () => {
    const { code, output } = await deploy({});
    expect(code).toBe(1);
    expect(output).toContain('.env.example');
    expect(output).toContain('DISCORD_TOKEN');
  });

  it('PUTs every definition to the guild route of DISCORD_API, never printing the token', async () => {
    const requests: { method: string; url: string; auth: string; body: unknown }[] = [];
    let status = 200;
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          auth: req.headers.authorization ?? '',
          body: JSON.parse(body || 'null'),
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? body : JSON.stringify({ message: '401: Unauthorized', code: 0 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    try {
      const ok = await deploy({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '111', GUILD_ID: '222', DISCORD_API: api });
      expect(ok.code).toBe(0);
      expect(requests[0]).toMatchObject({
        method: 'PUT',
        url: '/api/v10/applications/111/guilds/222/commands',
        auth: `Bot ${TOKEN}`,
      });
      expect((requests[0]!.body as { name: string }[]).map((d) => d.name)).toEqual(DEFINITIONS.map((d) => d.name));
      expect(ok.output).toContain('Registered');
      expect(ok.output).not.toContain(TOKEN);

      status = 401;
      const refused = await deploy({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '111', DISCORD_API: api });
      expect(refused.code).toBe(1);
      expect(requests.at(-1)?.url).toBe('/api/v10/applications/111/commands');
      expect(refused.output).toContain('failed');
      expect(refused.output).not.toContain(TOKEN);
    } finally {
      server.close();
    }
  }, 30_000);
});
