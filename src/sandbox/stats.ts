/** What the sandbox counted; tests and benchmarks read it through `LocalDiscord.stats`. */
export interface SandboxStatsSnapshot {
  readonly identifies: number;
  readonly resumes: number;
  /** Gateway WebSocket connections. */
  readonly connections: number;
  /** TCP connections accepted on the port (REST and gateway): a pooled REST agent keeps this low. */
  readonly sockets: number;
  readonly interactions: number;
  readonly userMessages: number;
  /** Requests answered 429 because a bucket or the global limit was spent (faults not counted). */
  readonly rateLimited: number;
  /** Keyed by "METHOD /route/:pattern", e.g. "POST /interactions/:id/:token/callback". */
  readonly requests: Readonly<Record<string, number>>;
}

/** Plain counters: cheap enough to bump on every request of a benchmark burst. */
export class SandboxStats {
  identifies = 0;
  resumes = 0;
  connections = 0;
  sockets = 0;
  interactions = 0;
  userMessages = 0;
  rateLimited = 0;
  readonly #requests = new Map<string, number>();

  countRequest(key: string): void {
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
  }

  snapshot(): SandboxStatsSnapshot {
    return {
      identifies: this.identifies,
      resumes: this.resumes,
      connections: this.connections,
      sockets: this.sockets,
      interactions: this.interactions,
      userMessages: this.userMessages,
      rateLimited: this.rateLimited,
      requests: Object.fromEntries(this.#requests),
    };
  }
}
