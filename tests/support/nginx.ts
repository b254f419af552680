/**
 * A real nginx (Debian's package; `.ci/run` installs it) in front of local instances, as an
 * operator would run it: a config generated into a temp dir of its own (round-robin `upstream`,
 * `proxy_pass`, pid, logs and temp paths inside the dir, `daemon off`), listening on a free port
 * of 127.0.0.1, started and stopped as a child process.
 *
 * Retries: a request nginx could not hand to an instance (connection refused or timed out: the
 * instance is down) goes to the next one, whatever its method. One an instance had already
 * received when it failed is retried only if idempotent (GET, HEAD…); a POST is answered 502,
 * as nginx does by default, because the instance may have acted on it. Discord's interactions
 * are POSTs: one in flight on an instance that dies is lost, never answered twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { freePort } from './free-port.js';

/** Where nginx is, or undefined. Debian installs it in /usr/sbin, not on every user's PATH. */
export function findNginx(): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, 'nginx');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** Why an nginx test cannot run here, or undefined when it can. */
export function nginxMissing(): string | undefined {
  return findNginx()
    ? undefined
    : 'nginx is not installed (on Debian: apt-get install nginx; .ci/run installs it when missing)';
}

/**
 * Lets the test go on only where nginx is installed; elsewhere it is skipped with the reason,
 * said plainly on stderr too: `it('…', async (context) => { needsNginx(context); … })`.
 */
export function needsNginx(context: TestContext): void {
  const missing = nginxMissing();
  if (missing) {
    const note = `did not run: ${missing}`;
    process.stderr.write(`"${context.task.name}" ${note}\n`);
    context.skip(note);
  }
}

export interface NginxOptions {
  /** The instances' ports on 127.0.0.1, served in turn. */
  readonly upstreams: readonly number[];
  /** How long nginx waits for an instance's answer before giving up on it (default 3 s, Discord's limit). */
  readonly readTimeoutMs?: number;
  /** Connections its one worker may hold, clients' and instances' together (default 1024). */
  readonly workerConnections?: number;
}

/** One line of the access log: which instance served what. */
export interface AccessLine {
  readonly method: string;
  readonly uri: string;
  readonly status: number;
  /** Every instance tried, in order, e.g. ["127.0.0.1:4001", "127.0.0.1:4002"] after a retry. */
  readonly upstreams: readonly string[];
}

const START_TRIES = 3;
const READY_POLLS = 500; // × 20 ms: a bound on a loaded machine's start, not an expectation.
const STOP_WAIT_MS = 10_000;

/** The config nginx runs with; every path it writes is inside `dir`. */
export function nginxConfig(dir: string, port: number, options: NginxOptions): string {
  if (options.upstreams.length === 0) throw new Error('nginx needs at least one upstream');
  const servers = options.upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=10s;`);
  const inside = (name: string): string => path.join(dir, name);
  return `daemon off;
master_process on;
worker_processes 1;
pid ${inside('nginx.pid')};
error_log ${inside('error.log')} warn;

events {
  worker_connections ${options.workerConnections ?? 1024};
}

http {
  log_format upstreams escape=json '{"method":"$request_method","uri":"$request_uri","status":$status,"upstreams":"$upstream_addr"}';
  access_log ${inside('access.log')} upstreams;
  client_body_temp_path ${inside('client_body')};
  proxy_temp_path ${inside('proxy')};
  fastcgi_temp_path ${inside('fastcgi')};
  uwsgi_temp_path ${inside('uwsgi')};
  scgi_temp_path ${inside('scgi')};

  upstream instances {
${servers.join('\n')}
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://instances;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 1s;
      proxy_read_timeout ${Math.max(1, Math.ceil((options.readTimeoutMs ?? 3_000) / 1000))}s;
      # Non-idempotent requests (POST) are passed on only if no instance had received them yet.
      proxy_next_upstream error timeout;
    }
  }
}
`;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every nginx started and not yet stopped: killed if the test process exits first, never left behind. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) killGroup(child);
});

function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export class Nginx {
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  readonly dir: string;
  readonly port: number;

  private constructor(child: ChildProcess, exited: Promise<void>, dir: string, port: number) {
    this.#child = child;
    this.#exited = exited;
    this.dir = dir;
    this.port = port;
  }

  /** nginx in front of `options.upstreams`, accepting connections once this resolves. */
  static async start(options: NginxOptions): Promise<Nginx> {
    const binary = findNginx();
    if (!binary) throw new Error(nginxMissing());
    const dir = await mkdtemp(path.join(tmpdir(), 'policy-bot-nginx-'));
    // As root, nginx's workers run as nobody: they must reach the temp paths.
    await chmod(dir, 0o755);
    let failure = '';
    for (let attempt = 0; attempt < START_TRIES; attempt++) {
      const port = await freePort();
      const launched = await Nginx.#launch(binary, dir, port, options);
      if (launched instanceof Nginx) return launched;
      // Another program may have taken the port between choosing and binding it: another one, then.
      failure = launched;
    }
    await rm(dir, { recursive: true, force: true });
    throw new Error(`nginx did not start:\n${failure}`);
  }

  static async #launch(binary: string, dir: string, port: number, options: NginxOptions): Promise<Nginx | string> {
    const config = path.join(dir, 'nginx.conf');
    await writeFile(config, nginxConfig(dir, port, options));
    await mkdir(path.join(dir, 'client_body'), { recursive: true });
    // Its own process group: stopping it reaches the workers even if the master is stuck.
    const child = spawn(binary, ['-p', dir, '-c', config, '-e', path.join(dir, 'error.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    started.add(child);
    let gone = false;
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        gone = true;
        started.delete(child);
        resolve();
      }),
    );
    child.once('error', (error) => (stderr += String(error)));
    const nginx = new Nginx(child, exited, dir, port);
    // nginx writes its pid once its port is bound; a port taken meanwhile by another program
    // would still accept connections, so the pid is what says this nginx is the one listening.
    const pidFile = path.join(dir, 'nginx.pid');
    for (let poll = 0; poll < READY_POLLS && !gone; poll++) {
      const pid = await readFile(pidFile, 'utf8').catch(() => '');
      if (Number(pid.trim()) === child.pid && !gone && (await accepts(port))) return nginx;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    killGroup(child);
    await exited;
    const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
    return `${stderr}${log}` || `nginx did not accept connections on port ${port}`;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The master's process id (its workers are its children): what a bench reads CPU time from. */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** The access log so far. nginx writes a line once it has answered, so the newest may not be there yet. */
  async accessLog(): Promise<AccessLine[]> {
    const text = await readFile(path.join(this.dir, 'access.log'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const raw = JSON.parse(line) as Omit<AccessLine, 'upstreams'> & { upstreams: string };
        return { ...raw, upstreams: raw.upstreams.split(/\s*[,:]\s+/).filter(Boolean) };
      });
  }

  /** nginx's own error log (an instance refused, timed out, closed early…). */
  errorLog(): Promise<string> {
    return readFile(path.join(this.dir, 'error.log'), 'utf8').catch(() => '');
  }

  /** A graceful stop (SIGQUIT: requests under way are finished); killed if it takes more than 10 s. */
  async stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#child.kill('SIGQUIT');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
      await Promise.race([this.#exited, late]);
      clearTimeout(timer);
      killGroup(this.#child);
      await this.#exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
