/**
 * `npm run sandbox [-- --json]`: the bot against a local Discord, driven by script lines from
 * stdin (see script.ts). Piped input runs line by line, each until the bot is done with it; a
 * terminal gets a greeting, a "> " prompt, history and completion (terminal.ts). Exits 0 at the
 * end of input, stopping the bot and the server.
 *
 * SANDBOX_BOT_MODULE may name another module exporting `startBot` (tests use a no-op bot), and
 * `startHttpBot` for --http.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BotOptions, RunningBot } from './bot-contract.js';
import { botLauncher } from './bot-module.js';
import { GRAMMAR } from './guide.js';
import { LocalDiscord } from './driver.js';
import { parseArgs } from './cli-args.js';
import { renderResult } from './render.js';
import { ScriptRunner } from './runner.js';
import { isInstructionLine, parseScriptLine } from './script.js';
import { runTerminal } from './terminal.js';

const USAGE = `usage: npm run sandbox [-- --json] [--record FILE] [--settlement auto|reported|quiet] [--http]
Reads script lines, one instruction per line, at a "> " prompt or piped from stdin:
${GRAMMAR}
--json prints one JSON object per instruction.
--record FILE writes every REST exchange and gateway frame as JSON lines (tokens redacted).
--settlement: how a line ends — reported (when the bot reports it settled), quiet (after a
  quiet window), auto (default: quiet windows until the bot first reports).
--http runs the bot's HTTP mode (its module's startHttpBot): interactions are POSTed to its
  endpoint, signed, instead of sent on the gateway; DMs and mentions need the gateway.`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { json } = args;
  const interactive = process.stdin.isTTY === true;
  const discord = await LocalDiscord.start({
    settlement: args.settlement,
    ...(args.record ? { record: args.record } : {}),
  });
  const options: BotOptions = {
    token: discord.botToken,
    applicationId: discord.applicationId,
    restApi: discord.restApi,
    dataDir: process.env['DATA_DIR'] ?? (await mkdtemp(join(tmpdir(), 'policy-bot-sandbox-'))),
    logLevel: process.env['LOG_LEVEL'] ?? 'warn',
    // Each line ends when the bot says it is done with it (a bot that never says: a quiet window).
    onSettled: (report) => void discord.settle(report),
  };
  const launch = await botLauncher(discord, options, args.http, (line) => process.stderr.write(`${line}\n`));
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
    if (interactive) {
      await runTerminal({
        discord,
        runner,
        dataDir: options.dataDir,
        json,
        input: process.stdin,
        output: process.stdout,
      });
      return 0;
    }
    // Piped: no prompt and no greeting, each line echoed before its result (or JSON alone).
    for await (const line of createInterface({ input: process.stdin, terminal: false })) {
      if (!isInstructionLine(line)) continue;
      const result = await runner.run(parseScriptLine(line));
      process.stdout.write(json ? `${JSON.stringify(result)}\n` : `> ${result.input}\n${renderResult(result)}\n\n`);
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
