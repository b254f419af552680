import { HTTPError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { loggableError, redactTokens } from '../../src/log/logger.js';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';

describe('what an error log may hold', () => {
  it('no interaction or webhook token, wherever a route is written', () => {
    expect(redactTokens(`POST /api/v10/interactions/123456789012345678/${TOKEN}/callback?with_response=false`)).toBe(
      'POST /api/v10/interactions/123456789012345678/[token]/callback?with_response=false',
    );
    expect(redactTokens(`PATCH https://discord.com/api/v10/webhooks/1/${TOKEN}/messages/@original`)).toBe(
      'PATCH https://discord.com/api/v10/webhooks/1/[token]/messages/@original',
    );
    expect(redactTokens(`Bot ${'M'.repeat(24)}.${'G'.repeat(6)}.${'x'.repeat(38)}`)).toBe('Bot [token]');
  });

  it('a failed request’s route, status and body size, but neither its token nor its body', () => {
    const url = `https://discord.com/api/v10/interactions/123456789012345678/${TOKEN}/callback`;
    const body = { type: 4, data: { content: 'who gets demoted, secretly?' } };
    const error = new HTTPError(500, 'Internal Server Error', 'POST', url, { files: [], body });
    const logged = loggableError(error);
    const written = JSON.stringify(logged);
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain('secretly');
    expect(logged).toMatchObject({
      status: 500,
      method: 'POST',
      url: 'https://discord.com/api/v10/interactions/123456789012345678/[token]/callback',
      requestBytes: JSON.stringify(body).length,
      requestFiles: 0,
    });
  });
});
