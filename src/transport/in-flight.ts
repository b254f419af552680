/** The work under way, so a stop can let it finish: no new work once closed. */
export class InFlight {
  readonly #work = new Set<Promise<void>>();
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `work` unless closed; it must not reject. */
  track(work: () => Promise<void>): void {
    if (this.#closed) return;
    const running = work().finally(() => this.#work.delete(running));
    this.#work.add(running);
  }

  /** Stops taking work and waits for the work already under way. */
  async drain(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#work]);
  }
}
