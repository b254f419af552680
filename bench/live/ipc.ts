import type { ChildProcess } from 'node:child_process';

/**
 * A tiny request/response protocol over the IPC channel of a forked child: the parent calls an
 * operation by name, the child answers once. Every call has a deadline, so no loop waits forever.
 */
export type Operations = Record<string, { readonly args: unknown; readonly result: unknown }>;

interface Request {
  readonly id: number;
  readonly op: string;
  readonly args: unknown;
}

interface Response {
  readonly id: number;
  readonly value?: unknown;
  readonly error?: string;
}

export type Handlers<Ops extends Operations> = {
  [K in keyof Ops]: (args: Ops[K]['args']) => Promise<Ops[K]['result']> | Ops[K]['result'];
};

/** In the child: answers the parent's calls; exits when the parent goes away. */
export function serve<Ops extends Operations>(handlers: Handlers<Ops>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this module runs as a forked child (no IPC channel)');
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: Request) => {
    const handler = handlers[message.op as keyof Ops];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown operation ${message.op}`);
        return handler(message.args);
      })
      .then(
        (value) => send({ id: message.id, value } satisfies Response),
        (error: unknown) =>
          send({
            id: message.id,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          } satisfies Response),
      );
  });
}

/** In the parent: calls the child's operations. */
export class Remote<Ops extends Operations> {
  #next = 0;
  readonly #waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();

  constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {
    child.on('message', (message: Response) => {
      const waiter = this.#waiting.get(message.id);
      if (!waiter) return;
      this.#waiting.delete(message.id);
      clearTimeout(waiter.timer);
      if (message.error !== undefined) waiter.reject(new Error(`${name}: ${message.error}`));
      else waiter.resolve(message.value);
    });
    child.on('exit', (code, signal) => {
      for (const waiter of this.#waiting.values()) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`${name} exited (${signal ?? code}) during a call`));
      }
      this.#waiting.clear();
    });
  }

  call<K extends keyof Ops & string>(op: K, args: Ops[K]['args'], timeoutMs = 30_000): Promise<Ops[K]['result']> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`${this.name}: ${op} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, { resolve, reject, timer });
      this.child.send({ id, op, args } satisfies Request);
    });
  }

  /** Asks the child to stop, then makes sure it has (by its own pid only). */
  async close(stopOp?: keyof Ops & string): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (stopOp) await this.call(stopOp, undefined as Ops[typeof stopOp]['args'], 10_000).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    if (this.child.connected) this.child.disconnect();
    await exited;
    clearTimeout(timer);
  }
}
