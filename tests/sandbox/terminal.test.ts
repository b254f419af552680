import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';

/**
 * `npm run sandbox` as a person meets it: in a real terminal (a tmux pane 60 columns wide),
 * typing, pressing Tab, ↑ and Ctrl-D, and reading what the screen shows.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const WIDTH = 60;
const socket = `sandbox-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const tmux = (...args: string[]): string => {
  const run = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};
/** The screen and what scrolled off it, one string per row, trailing blanks dropped. */
const screen = (): string[] =>
  tmux('capture-pane', '-p', '-S', '-300', '-t', 'sandbox')
    .replace(/\s+$/, '')
    .split('\n')
    .map((row) => row.trimEnd());
async function waitFor(what: string, holds: (rows: string[]) => boolean): Promise<string[]> {
  for (let tries = 0; tries < 600; tries++) {
    const rows = screen();
    if (holds(rows)) return rows;
    await sleep(50);
  }
  throw new Error(`the terminal never showed ${what}:\n${screen().join('\n')}`);
}
const promptShows = (text: string) => (rows: string[]) => rows.at(-1) === `> ${text}`.trimEnd();

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

it('greets, completes with Tab, keeps history, wraps a long quote inside its gutter, quits on Ctrl-D', async (context) => {
  if (!hasTmux) return context.skip('tmux is not installed (apt-get install tmux): the terminal session was not tried');
  // The pane's shell waits for the sandbox and prints its exit status: tmux's own record of a
  // dead pane's status can lag behind on a loaded machine (the process left unreaped).
  const command = `SANDBOX_BOT_MODULE=tests/sandbox/fixtures/script-bot.ts node --import tsx src/sandbox/cli.ts --settlement reported; echo "sandbox exited with status $?"`;
  tmux('new-session', '-d', '-s', 'sandbox', '-x', String(WIDTH), '-y', '50', '-c', root, command);
  tmux('set-option', '-t', 'sandbox', 'remain-on-exit', 'on');

  const greeted = await waitFor('the greeting and a prompt', promptShows(''));
  expect(greeted.join('\n')).toMatch(/running against a local Discord[\s\S]*Try:[\s\S]*dm say hello/);
  expect(greeted.join('\n')).toContain('Type help for the whole grammar');

  tmux('send-keys', '-t', 'sandbox', '/ec', 'Tab');
  await waitFor('"/ec" completed to "/echo"', promptShows('/echo'));
  tmux('send-keys', '-t', 'sandbox', ' te', 'Tab');
  await waitFor('the option completed', promptShows('/echo text:'));
  tmux('send-keys', '-t', 'sandbox', 'hi there', 'Enter');
  await waitFor('the reply', (rows) => rows.includes('  hi there') && rows.at(-1) === '>');

  tmux('send-keys', '-t', 'sandbox', '/page', 'Enter');
  const paged = await waitFor('the embed', (rows) => rows.some((row) => row.includes('[Next]')) && rows.at(-1) === '>');
  const first = paged.lastIndexOf('  │ **¶3**');
  const last = paged.findLastIndex((row) => row.startsWith('  │'));
  expect(first).toBeGreaterThan(-1);
  const embed = paged.slice(first, last + 1);
  // A terminal folding a long line would start the rest at column 0, outside the gutter.
  for (const row of embed) expect(row.startsWith('  │')).toBe(true);
  const quote = embed.filter((row) => row.startsWith('  │ > '));
  expect(quote.length).toBeGreaterThan(1);
  expect(quote.map((row) => row.slice(6)).join(' ')).toContain('well past the width of a narrow terminal');

  tmux('send-keys', '-t', 'sandbox', 'help', 'Enter');
  await waitFor('the help', (rows) => rows.some((row) => row.startsWith('Before a /command')) && rows.at(-1) === '>');
  tmux('send-keys', '-t', 'sandbox', 'Up', 'Up');
  await waitFor('the line before last again', promptShows('/page'));

  tmux('send-keys', '-t', 'sandbox', 'C-u', 'C-d');
  const ended = await waitFor('the sandbox ending with its exit status', (rows) =>
    rows.some((row) => row.startsWith('sandbox exited with status')),
  );
  expect(ended.filter((row) => row.startsWith('sandbox exited with status'))).toEqual(['sandbox exited with status 0']);
}, 60_000);
