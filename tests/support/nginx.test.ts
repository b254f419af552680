/**
 * The nginx the load-balancer tests put in front of the bot's instances: round robin over two
 * tiny HTTP servers (each a process of its own), requests passed through unchanged, and what
 * happens when one of them is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { Nginx, nginxConfig, needsNginx } from './nginx.js';

/** A tiny instance: answers with its name and what it received; holds `?hold=NAME` if it is NAME. */
const INSTANCE = `
const http = require('node:http');
const crypto = require('node:crypto');
const name = process.argv[1];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://instance');
    if (url.searchParams.get('hold') === name) return void process.stdout.write(JSON.stringify({ held: req.method }) + '\\n');
    const body = Buffer.concat(chunks);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({
      instance: name,
      method: req.method,
      signature: req.headers['x-signature-ed25519'] ?? null,
      sha256: crypto.createHash('sha256').update(body).digest('hex'),
    }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
`;

interface Instance {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Resolves with the method of the next request it holds. */
  nextHeld(): Promise<string>;
  kill(): Promise<void>;
}

interface Answer {
  readonly instance: string;
  readonly method: string;
  readonly signature: string | null;
  readonly sha256: string;
}

const running: (Instance | Nginx)[] = [];
afterEach(async () => {
  for (const part of running.splice(0)) await (part instanceof Nginx ? part.stop() : part.kill());
});

function startInstance(name: string): Promise<Instance> {
  const child = spawn(process.execPath, ['-e', INSTANCE, name], {
    cwd: tmpdir(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting: ((method: string) => void)[] = [];
  return new Promise((resolve, reject) => {
    let pending = '';
    child.once('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const said = JSON.parse(line) as { port?: number; held?: string };
        if (said.held !== undefined) waiting.shift()?.(said.held);
        if (said.port !== undefined) {
          const instance: Instance = {
            name,
            port: said.port,
            child,
            nextHeld: () => new Promise((held) => waiting.push(held)),
            kill: () => {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
              return exited;
            },
          };
          running.push(instance);
          resolve(instance);
        }
      }
    });
  });
}

async function balanced(...names: string[]): Promise<{ nginx: Nginx; instances: Instance[] }> {
  const instances = await Promise.all(names.map(startInstance));
  const nginx = await Nginx.start({ upstreams: instances.map((instance) => instance.port) });
  running.push(nginx);
  return { nginx, instances };
}

async function get(nginx: Nginx, path = '/'): Promise<{ status: number; answer: Answer | undefined }> {
  const response = await fetch(`${nginx.url}${path}`);
  return { status: response.status, answer: response.ok ? ((await response.json()) as Answer) : undefined };
}

async function post(
  nginx: Nginx,
  body: string,
  path = '/interactions',
): Promise<{ status: number; answer: Answer | undefined }> {
  const response = await fetch(`${nginx.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': 'ab'.repeat(32) },
  });
  return { status: response.status, answer: response.ok ? ((await response.json()) as Answer) : undefined };
}

/**
 * A request that `holder` holds, sent until round robin hands one to it (the other instance
 * answers those before). Wrapped: an async function returning the promise itself would wait for it.
 */
async function heldBy<T>(holder: Instance, send: () => Promise<T>): Promise<{ readonly inFlight: Promise<T> }> {
  const held = holder.nextHeld().then(() => 'held' as const);
  for (let tries = 0; tries < 4; tries++) {
    const inFlight = send();
    if ((await Promise.race([held, inFlight])) === 'held') return { inFlight };
  }
  throw new Error(`no request reached ${holder.name} in four round-robin turns`);
}

describe('the nginx in front of the instances', () => {
  it('writes every path it uses inside its own directory and listens on 127.0.0.1 only', () => {
    const config = nginxConfig('/tmp/lb', 8123, { upstreams: [4001, 4002] });
    expect(config).toMatch(/^daemon off;$/m);
    expect(config).toContain('listen 127.0.0.1:8123;');
    expect(config).toContain('server 127.0.0.1:4001 ');
    expect(config).toContain('server 127.0.0.1:4002 ');
    const paths = [...config.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path) (\S+?);?(?:\s|$)/gm)].map(
      (match) => match[1],
    );
    expect(paths).toHaveLength(8);
    for (const written of paths) expect(written).toMatch(/^\/tmp\/lb\//);
    expect(() => nginxConfig('/tmp/lb', 8123, { upstreams: [] })).toThrow(/at least one upstream/);
  });

  it('hands requests to the two instances in turn', async (context) => {
    needsNginx(context);
    const { nginx } = await balanced('a', 'b');
    const served: string[] = [];
    for (let n = 0; n < 10; n++) {
      const { status, answer } = await get(nginx);
      expect(status).toBe(200);
      served.push(answer!.instance);
    }
    expect(served.filter((name) => name === 'a')).toHaveLength(5);
    for (let n = 1; n < served.length; n++) expect(served[n]).not.toBe(served[n - 1]);
    const log = await nginx.accessLog();
    expect(log.length).toBeGreaterThanOrEqual(9);
    expect(log[0]).toMatchObject({ method: 'GET', uri: '/', status: 200 });
  });

  it("passes a signed POST through unchanged: its body's bytes and its signature header", async (context) => {
    needsNginx(context);
    const { nginx } = await balanced('a', 'b');
    const body = JSON.stringify({
      type: 2,
      data: { name: 'ask', options: [{ value: 'wer wird degradiert? 干部 ¶4' }] },
    });
    const { status, answer } = await post(nginx, body);
    expect(status).toBe(200);
    expect(answer).toMatchObject({ method: 'POST', signature: 'ab'.repeat(32) });
    expect(answer?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('sends everything to the instance left when the other is killed, POSTs too', async (context) => {
    needsNginx(context);
    const { nginx, instances } = await balanced('a', 'b');
    await instances[1]!.kill();
    for (let n = 0; n < 6; n++) {
      const { status, answer } = await (n % 2 === 0 ? get(nginx) : post(nginx, `{"n":${n}}`));
      expect(status).toBe(200);
      expect(answer?.instance).toBe('a');
    }
    // The dead instance refused the connection: nothing had reached it, so even a POST was passed on.
    const log = await nginx.accessLog();
    expect(
      log.some((line) => line.upstreams.length === 2 && line.upstreams[1] === `127.0.0.1:${instances[0]!.port}`),
    ).toBe(true);
  });

  it('answers a GET in flight on an instance that is killed from the other instance', async (context) => {
    needsNginx(context);
    const { nginx, instances } = await balanced('a', 'b');
    const { inFlight } = await heldBy(instances[1]!, () => get(nginx, '/?hold=b'));
    await instances[1]!.kill();
    expect(await inFlight).toEqual({ status: 200, answer: expect.objectContaining({ instance: 'a', method: 'GET' }) });
  });

  it('answers a POST in flight on an instance that is killed with 502: it may have been acted on, so it is not sent again', async (context) => {
    needsNginx(context);
    const { nginx, instances } = await balanced('a', 'b');
    const { inFlight } = await heldBy(instances[1]!, () => post(nginx, '{"type":2}', '/interactions?hold=b'));
    await instances[1]!.kill();
    expect(await inFlight).toEqual({ status: 502, answer: undefined });
    // And the one left answers the next POST.
    expect((await post(nginx, '{"type":2}')).answer?.instance).toBe('a');
  });
});
