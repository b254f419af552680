import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BotOptions, RunningBot, StartBot, StartHttpBot } from './bot-contract.js';
import type { LocalDiscord } from './driver.js';

/**
 * The bot the CLI runs: src/main/transports.ts, or the module SANDBOX_BOT_MODULE names. Over the
 * gateway it calls the module's `startBot`; with `--http` its `startHttpBot`, and saves the
 * interactions endpoint that returns, checked as Discord checks it.
 */
export async function botLauncher(
  discord: LocalDiscord,
  options: BotOptions,
  http: boolean,
  warn: (line: string) => void,
): Promise<() => Promise<RunningBot>> {
  const { specifier, exports } = await loadBotModule();
  const registered = async (): Promise<void> => {
    // The bot registers its commands at start-up; the sandbox only accepts registered ones.
    if (!(await discord.whenCommandsRegistered(5000)))
      warn('sandbox: the bot registered no commands; every /command will be refused');
  };
  if (!http) {
    const startBot = exports['startBot'];
    if (typeof startBot !== 'function') throw new Error(`${specifier} does not export startBot(options)`);
    return async () => {
      const running = await (startBot as StartBot)(options);
      await discord.whenReady();
      await registered();
      return running;
    };
  }
  const startHttpBot = exports['startHttpBot'];
  if (typeof startHttpBot !== 'function')
    throw new Error(
      `${specifier} exports no startHttpBot(options) yet, which --http needs: a function taking startBot's options plus publicKey and resolving to { interactionsUrl, stop() }`,
    );
  return async () => {
    const running = await (startHttpBot as StartHttpBot)({ ...options, publicKey: discord.publicKey });
    const check = await discord.setInteractionsEndpoint(running.interactionsUrl);
    if (!check.ok) {
      await running.stop();
      throw new Error(`the local Discord refused the bot's interactions endpoint: ${check.reason}`);
    }
    await registered();
    return running;
  };
}

async function loadBotModule(): Promise<{ specifier: string; exports: Readonly<Record<string, unknown>> }> {
  const specifier = process.env['SANDBOX_BOT_MODULE']
    ? pathToFileURL(resolve(process.env['SANDBOX_BOT_MODULE'])).href
    : new URL('../main/transports.ts', import.meta.url).href;
  let loaded: unknown;
  try {
    loaded = await import(specifier);
  } catch (error) {
    const missing =
      error instanceof Error &&
      'code' in error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      error.message.includes('transports.ts');
    if (missing)
      throw new Error(
        `cannot load the bot: ${specifier} does not exist yet (or set SANDBOX_BOT_MODULE to a module exporting startBot)`,
        { cause: error },
      );
    throw error;
  }
  return { specifier, exports: typeof loaded === 'object' && loaded !== null ? { ...loaded } : {} };
}
