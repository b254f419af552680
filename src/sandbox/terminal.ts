import { createInterface } from 'node:readline';
import { completeLine } from './completion.js';
import type { LocalDiscord } from './driver.js';
import { greeting } from './guide.js';
import { renderResult } from './render.js';
import type { ScriptRunner } from './runner.js';
import { isInstructionLine, parseScriptLine } from './script.js';
import { ChannelType } from './state/model.js';
import { wrapText } from './wrap.js';

export interface TerminalSession {
  readonly discord: LocalDiscord;
  readonly runner: ScriptRunner;
  readonly dataDir: string;
  readonly json: boolean;
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
}

/**
 * `npm run sandbox` at a terminal, for a person: a greeting with lines to try, a `> ` prompt,
 * line history (↑/↓), Tab completion of command and option names from what the bot registered,
 * and replies folded to the terminal's width (read again at every line, so a resize counts).
 * Resolves at Ctrl-D or Ctrl-C.
 */
export async function runTerminal({ discord, runner, dataDir, json, input, output }: TerminalSession): Promise<void> {
  const { world } = discord;
  const lines = createInterface({
    input,
    output,
    terminal: true,
    prompt: '> ',
    historySize: 500,
    completer: (line: string) =>
      completeLine(line, {
        commands: () => discord.slashCommands(),
        channels: () =>
          world.defaultGuild.channelIds.flatMap((id) => {
            const channel = world.getChannel(id);
            return channel?.name && channel.type === ChannelType.GuildText ? [channel.name] : [];
          }),
        buttons: () => runner.latestButtonLabels(),
      }),
  });
  lines.on('SIGINT', () => lines.close());
  const print = (text: string): void => void output.write(`${wrapText(text, output.columns || 80)}\n`);
  print(greeting(world.bot.username, dataDir, discord.slashCommands()));
  lines.prompt();
  for await (const line of lines) {
    if (isInstructionLine(line)) {
      const result = await runner.run(parseScriptLine(line));
      print(json ? JSON.stringify(result) : `${renderResult(result)}\n`);
    }
    lines.prompt();
  }
  output.write('\n');
}
