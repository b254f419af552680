/**
 * `npm run start:http` as an operator runs it, one instance a process: the child (`node --import
 * tsx src/main/http.ts`, what the script runs), every JSON line it logged as it arrives, and the
 * port it took. Its debug line for each interaction it settled is its report, passed on to
 * whoever listens; that line names the interaction's id, so a test knows which instance answered.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SettledReport } from '../../src/sandbox/index.js';
import type { LogLine } from './support.js';
import { botEnv, type Exit } from './sharded-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export class HttpInstance {
  readonly logs: LogLine[] = [];
  readonly exited: Promise<Exit>;
  #stderr = '';
  readonly #child: ChildProcess;
  readonly #waiting: { matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];

  private constructor(
    readonly name: string,
    child: ChildProcess,
    onReport: (report: SettledReport, instance: HttpInstance) => void,
  ) {
    this.#child = child;
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) {
        let line: LogLine;
        try {
          line = JSON.parse(text) as LogLine;
        } catch {
          line = { level: 0, msg: text };
        }
        this.logs.push(line);
        if (line.msg === 'interaction' && typeof line['id'] === 'string' && typeof line['outcome'] === 'string')
          onReport({ id: line['id'], outcome: line['outcome'] }, this);
        for (const wait of this.#waiting.filter((w) => w.matches(line))) {
          this.#waiting.splice(this.#waiting.indexOf(wait), 1);
          wait.resolve(line);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.#stderr += chunk.toString()));
    // 'close': every line it wrote has been read by then.
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  }

  /** Starts an instance with `settings` as its environment (PORT=0: a free port, named in its "ready" line). */
  static async start(
    name: string,
    settings: Record<string, string>,
    onReport: (report: SettledReport, instance: HttpInstance) => void,
  ): Promise<HttpInstance> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/http.ts'], {
      cwd: root,
      env: botEnv({ PORT: '0', LOG_LEVEL: 'debug', ...settings }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const instance = new HttpInstance(name, child, onReport);
    await Promise.race([
      instance.logged((line) => line.msg === 'ready'),
      instance.exited.then((exit) => {
        throw new Error(`instance ${name} exited ${JSON.stringify(exit)} before it was ready:\n${instance.stderr}`);
      }),
    ]);
    return instance;
  }

  get port(): number {
    return Number(this.logs.find((line) => line.msg === 'ready')?.['port']);
  }

  /** How nginx's access log names this instance. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** The first line from index `since` on that `matches`, as soon as it is written. */
  logged(matches: (line: LogLine) => boolean, since = 0): Promise<LogLine> {
    const found = this.logs.slice(since).find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.#waiting.push({ matches, resolve }));
  }

  /** SIGKILL: no drain, no flush; the lines it had not yet written are lost with it. */
  async kill(): Promise<Exit> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGKILL');
    return this.exited;
  }
}
