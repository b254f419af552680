import { describe, expect, it } from 'vitest';
import { renderReply, renderResult } from '../../src/sandbox/render.js';

describe('renderReply', () => {
  it('shows content, embed parts in reading order, and buttons', () => {
    const text = renderReply({
      kind: 'callback',
      ephemeral: true,
      body: {
        type: 4,
        data: {
          content: 'Here is ¶3:',
          embeds: [
            {
              title: 'Paragraph 3',
              description: '> the quoted words',
              fields: [{ name: 'Cited', value: '¶3.1' }],
              footer: { text: 'policy-bot' },
            },
          ],
          components: [
            {
              type: 1,
              components: [
                { type: 2, style: 2, custom_id: 'more', label: 'More' },
                { type: 2, style: 5, url: 'https://x.invalid', label: 'Article' },
              ],
            },
          ],
        },
      },
    });
    expect(text).toBe(
      [
        '(only you can see this)',
        'Here is ¶3:',
        '',
        '│ **Paragraph 3**',
        '│ > the quoted words',
        '│',
        '│ Cited',
        '│   ¶3.1',
        '│',
        '│ — policy-bot',
        '',
        '[More] [Article ↗]',
      ].join('\n'),
    );
  });

  it('shows deferrals, autocomplete answers and edits', () => {
    expect(renderReply({ kind: 'callback', ephemeral: false, body: { type: 5 } })).toBe('(the bot is thinking…)');
    expect(
      renderReply({
        kind: 'callback',
        ephemeral: false,
        body: { type: 8, data: { choices: [{ name: 'Gaps', value: 'gaps' }] } },
      }),
    ).toBe('suggestions:\n  Gaps → gaps');
    expect(renderReply({ kind: 'edit', ephemeral: false, body: { content: 'done' } })).toBe('done');
  });
});

describe('renderResult', () => {
  it('labels each reply and explains refusals', () => {
    expect(
      renderResult({
        input: '/ping',
        replies: [{ kind: 'callback', ephemeral: false, body: { type: 4, data: { content: 'ok' } } }],
      }),
    ).toBe('bot (reply):\n  ok');
    expect(renderResult({ input: '/config', denied: 'needs Manage Server' })).toBe(
      '✗ Discord refused: needs Manage Server',
    );
    expect(renderResult({ input: 'say hi', replies: [] })).toBe('(no reply)');
    expect(
      renderResult({ input: 'say hi', replies: [], settlement: { outcome: 'ignored', reason: 'mentions are off' } }),
    ).toBe('(no reply — ignored: mentions are off)');
    expect(
      renderResult({
        input: '/ask',
        replies: [{ kind: 'callback', ephemeral: true, body: { type: 4, data: { content: 'slow down' } } }],
        settlement: { outcome: 'limited' },
      }),
    ).toBe('bot (reply):\n  (only you can see this)\n  slow down\n(limited)');
  });
});
