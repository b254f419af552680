import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

function cli(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/search-cli.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the search CLI', () => {
  it('answers a batch from stdin, one JSON line per query in order, and goes on past a bad line', () => {
    const { status, stdout } = cli(
      ['--json', '--limit', '2'],
      ['a lion leading a flock of sheep', '', 'x'.repeat(201), 'best pizza in town'].join('\n') + '\n',
    );
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(Object.keys(lines[0]!)).toEqual(['query', 'results']);
    const first = (lines[0]!.results as Record<string, unknown>[])[0]!;
    expect(Object.keys(first)).toEqual(['paragraph', 'sentence', 'score', 'excerpt']);
    expect(first.paragraph).toBe(11);
    expect(lines[1]).toEqual({ query: '', error: expect.stringMatching(/empty/) });
    expect(lines[2]!.error).toMatch(/too long/);
    expect(lines[3]).toEqual({ query: 'best pizza in town', results: [] });
  });

  it('says which Chinese a question was typed in, and nothing of English ones', () => {
    const { stdout } = cli(
      ['--json', '--limit', '1'],
      ['黃強說了什麼', '黄强说了什么', 'who gets demoted'].join('\n') + '\n',
    );
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.language)).toEqual(['zh-TW', 'zh-CN', undefined]);
    expect((lines[0]!.results as { paragraph: number }[])[0]?.paragraph).toBe(10);
  });

  it('exits 2 with a clear message for an empty query argument', () => {
    const { status, stderr } = cli(['--json', '  ']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/empty/);
  });

  it('prints readable ranked excerpts with citations without --json', () => {
    const { status, stdout } = cli(['--limit', '1', 'false accusations']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/¶15\.6/);
    expect(stdout).toContain('**false accusations**');
  });
});
