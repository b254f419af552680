/** Discord's error body `{ message, code }`; `errors` carries form-validation details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  get body(): Record<string, unknown> {
    return this.errors
      ? { message: this.message, code: this.code, errors: this.errors }
      : { message: this.message, code: this.code };
  }
}

/** The errors the sandbox answers with, named as in Discord's documentation. */
export const Errors = {
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  invalidJson: () => new ApiError(400, 50109, 'The request body contains invalid JSON.'),
  invalidForm: (errors: Record<string, unknown>) => new ApiError(400, 50035, 'Invalid Form Body', errors),
} as const;

/**
 * Collects form errors by path ("embeds.0.title") and nests them the way Discord does, so
 * discord.js prints `embeds[0].title[BASE_TYPE_MAX_LENGTH]: ...` in the bot's error.
 */
export class FormErrors {
  readonly #entries: { path: string; code: string; message: string }[] = [];

  add(path: string, code: string, message: string): void {
    this.#entries.push({ path, code, message });
  }

  get empty(): boolean {
    return this.#entries.length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    const root: Record<string, unknown> = {};
    for (const { path, code, message } of this.#entries) {
      let node = root;
      for (const key of path.split('.')) {
        const next = (node[key] ??= {}) as Record<string, unknown>;
        node = next;
      }
      const list = (node['_errors'] ??= []) as unknown[];
      list.push({ code, message });
    }
    throw Errors.invalidForm(root);
  }
}
