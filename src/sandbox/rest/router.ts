/** A small path matcher: "/channels/:channelId/messages" → params; segments are percent-decoded. */
export interface Route<H> {
  readonly method: string;
  readonly pattern: string;
  /** The pattern with every id parameter spelt ":id" (as @discordjs/rest names buckets). */
  readonly bucket: string;
  readonly handler: H;
}

interface CompiledRoute<H> extends Route<H> {
  readonly segments: readonly string[];
}

export interface RouteMatch<H> {
  readonly route: Route<H>;
  readonly params: Readonly<Record<string, string>>;
}

export class Router<H> {
  // Indexed by method and segment count: a request only compares against a handful of routes.
  readonly #routes = new Map<string, CompiledRoute<H>[]>();

  add(method: string, pattern: string, handler: H): void {
    const segments = pattern.split('/').filter(Boolean);
    const key = `${method} ${segments.length}`;
    const list = this.#routes.get(key) ?? [];
    list.push({ method, pattern, bucket: pattern.replace(/:(?!token\b)\w+/g, ':id'), handler, segments });
    this.#routes.set(key, list);
  }

  /** Every route, in the order added. */
  get routes(): Route<H>[] {
    return [...this.#routes.values()].flat();
  }

  match(method: string, path: string): RouteMatch<H> | null {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.#routes.get(`${method} ${parts.length}`) ?? []) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const expected = route.segments[i] ?? '';
        const actual = safeDecode(parts[i] ?? '');
        if (expected.startsWith(':')) params[expected.slice(1)] = actual;
        else ok = expected === actual;
      }
      if (ok) return { route, params };
    }
    return null;
  }
}

/** discord-api-types percent-encodes tokens and "@original": decode, but never throw on bad input. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
