/**
 * `npm run sandbox [-- --json]`: the bot against a local Discord, driven by script lines from
 * stdin (see script.ts). Piped input runs line by line, each waiting for the bot to go quiet;
 * a terminal gets a "> " prompt. Exits 0 at the end of input, stopping the bot and the server.
 *
 * SANDBOX_BOT_MODULE may name another module exporting `startBot` (tests use a no-op bot).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { BotOptions, RunningBot, StartBot } from './bot-contract.js';
import { LocalDiscord } from './driver.js';
import { renderResult } from './render.js';
import { ScriptRunner } from './runner.js';
import { isInstructionLine, parseScriptLine } from './script.js';

const USAGE = `usage: npm run sandbox [-- --json]
Reads script lines from stdin, one instruction per line:
  [dm] [as NAME] [in #channel] /command [sub ...] [name:value ...]
  [dm] [as NAME] [in #channel] say TEXT        ("@bot" mentions the bot)
  [as NAME] click LABEL                        (a button on the bot's last message)
  restart                                      (restart the bot; Discord and DATA_DIR stay)
"as mod" has Manage Server. Blank lines and lines starting with # are skipped.
--json prints one JSON object per instruction.`;

async function loadStartBot(): Promise<StartBot> {
  const specifier = process.env['SANDBOX_BOT_MODULE']
    ? pathToFileURL(resolve(process.env['SANDBOX_BOT_MODULE'])).href
    : new URL('../gateway/start.ts', import.meta.url).href;
  let loaded: unknown;
  try {
    loaded = await import(specifier);
  } catch (error) {
    const missing =
      error instanceof Error &&
      'code' in error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      error.message.includes('start.ts');
    if (missing)
      throw new Error(
        `cannot load the bot: ${specifier} does not exist yet (or set SANDBOX_BOT_MODULE to a module exporting startBot)`,
        { cause: error },
      );
    throw error;
  }
  const startBot =
    typeof loaded === 'object' && loaded !== null ? (loaded as { startBot?: unknown }).startBot : undefined;
  if (typeof startBot !== 'function') throw new Error(`${specifier} does not export startBot(options)`);
  return startBot as StartBot;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const json = args.includes('--json');
  const interactive = process.stdin.isTTY === true;
  const startBot = await loadStartBot();
  const discord = await LocalDiscord.start();
  const options: BotOptions = {
    token: discord.botToken,
    applicationId: discord.applicationId,
    restApi: discord.restApi,
    dataDir: process.env['DATA_DIR'] ?? (await mkdtemp(join(tmpdir(), 'policy-bot-sandbox-'))),
    logLevel: process.env['LOG_LEVEL'] ?? 'warn',
  };
  const launch = async (): Promise<RunningBot> => {
    const running = await startBot(options);
    await discord.whenReady();
    // The bot registers its commands at start-up; the sandbox only accepts registered ones.
    if (!(await discord.whenCommandsRegistered(5000)))
      process.stderr.write('sandbox: the bot registered no commands; every /command will be refused\n');
    return running;
  };
  let bot: RunningBot | undefined;
  try {
    bot = await launch();
    const runner = new ScriptRunner(discord, {
      restart: async () => {
        await bot?.stop();
        bot = undefined;
        bot = await launch();
      },
    });
    const lines = createInterface({ input: process.stdin, terminal: interactive });
    if (interactive) {
      process.stdout.write(`sandbox: ${options.dataDir} — type a line, Ctrl-D to quit\n`);
      lines.setPrompt('> ');
      lines.prompt();
    }
    for await (const line of lines) {
      if (isInstructionLine(line)) {
        const result = await runner.run(parseScriptLine(line));
        if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else process.stdout.write(`${interactive ? '' : `> ${result.input}\n`}${renderResult(result)}\n\n`);
      }
      if (interactive) lines.prompt();
    }
    return 0;
  } finally {
    await bot?.stop();
    await discord.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // Pooled HTTP sockets of the stopped client may linger; don't let them hold the process.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exit(1);
  },
);
