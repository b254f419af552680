/**
 * Discord's OpenAPI spec as a checker of the local Discord's answers: for each operation the
 * spec names a response type per status ("200": MessageResponse, "4XX": ErrorResponse …);
 * the `discord-api-spec` package ships those as zod schemas. The operation table is read from
 * the package's generated `Paths` type, so no route is mapped to a schema by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as spec from 'discord-api-spec/zod';
import * as z from 'zod/mini';
import type { RestTraffic, TrafficEntry, TrafficSink } from '../../../src/sandbox/index.js';

type Schema = z.ZodMiniType;

const SPEC_TYPES = fileURLToPath(
  new URL('../../../node_modules/discord-api-spec/build/discord-api-spec.ts', import.meta.url),
);

/** "METHOD /path/:id/:token" → status ("200", "204", "4XX", "429") → the spec's type expression. */
export function readOperations(source = readFileSync(SPEC_TYPES, 'utf8')): Map<string, Map<string, string>> {
  const operations = new Map<string, Map<string, string>>();
  const lines = source.slice(source.indexOf('export interface Paths {')).split('\n');
  let path: string | null = null;
  let method: string | null = null;
  let inResponses = false;
  /** A status whose type runs over several lines (`"200":` then `| A` lines), until the `;`. */
  let pending: { status: string; text: string } | null = null;
  const add = (status: string, expression: string): void => {
    if (!path || !method) return;
    const key = `${method} ${path}`;
    const table = operations.get(key) ?? new Map<string, string>();
    // An inline object type (`{`) is not a named schema: only its being JSON is checked.
    table.set(status, expression.startsWith('{') ? 'unknown' : expression.replace(/^\|\s*/, '').trim());
    operations.set(key, table);
  };
  for (const line of lines) {
    if (pending) {
      pending.text += ` ${line.trim()}`;
      if (line.trimEnd().endsWith(';')) {
        add(pending.status, pending.text.trim().slice(0, -1));
        pending = null;
      }
      continue;
    }
    const pathMatch = /^ {2}"(\/[^"]*)": \{$/.exec(line);
    if (pathMatch?.[1]) {
      path = routeOf(pathMatch[1]);
      method = null;
      continue;
    }
    const methodMatch = /^ {4}(get|put|post|patch|delete): \{$/.exec(line);
    if (methodMatch?.[1]) {
      method = methodMatch[1].toUpperCase();
      inResponses = false;
      continue;
    }
    if (/^ {6}responses: \{$/.test(line)) {
      inResponses = true;
      continue;
    }
    if (/^ {6}\};$/.test(line)) inResponses = false;
    const status = inResponses ? /^ {8}"(\d{3}|\dXX)":\s*(.*)$/.exec(line) : null;
    if (!status?.[1]) continue;
    const rest = status[2] ?? '';
    if (rest === '{' || rest.endsWith(';')) add(status[1], rest.replace(/;$/, ''));
    else pending = { status: status[1], text: rest };
  }
  return operations;
}

/** `/channels/{channel_id}/messages` → `/channels/:id/messages`; tokens stay apart, as the sandbox's routes name them. */
export function routeOf(specPath: string): string {
  return specPath.replace(/\{[a-z_]*token\}/g, ':token').replace(/\{[a-z_0-9]+\}/g, ':id');
}

/**
 * The one place the spec and Discord disagree and the sandbox follows Discord: the spec types a
 * form error's `code` as a number, but Discord sends names (`"BASE_TYPE_MAX_LENGTH"`, as in its
 * own documentation's examples), and discord.js prints them. Everything else is the spec's.
 */
const FormErrorSchema = z.object({ code: z.string(), message: z.string() });
const FormErrorTreeSchema: Schema = z.lazy(() =>
  z.record(z.string(), z.union([z.array(FormErrorSchema), FormErrorTreeSchema])),
);
const ErrorResponseSchema = z.object({
  code: z.number(),
  message: z.string(),
  errors: z.optional(FormErrorTreeSchema),
});

/** A type expression of the generated file (`A`, `A[] | null`, `(A | B | null)[] | null`) as a schema. */
export function schemaOf(expression: string): Schema {
  const alternatives = splitTop(expression.trim(), '|');
  if (alternatives.length > 1) {
    const [first, second, ...rest] = alternatives.map(schemaOf);
    return z.union([first!, second!, ...rest]);
  }
  const text = alternatives[0] ?? '';
  if (text.endsWith('[]')) return z.array(schemaOf(text.slice(0, -2)));
  if (text.startsWith('(') && text.endsWith(')')) return schemaOf(text.slice(1, -1));
  if (text === 'null') return z.null();
  if (text === 'unknown') return z.unknown();
  if (text === 'string') return z.string();
  if (text === 'number') return z.number();
  if (text === 'boolean') return z.boolean();
  if (text === 'ErrorResponse') return ErrorResponseSchema;
  const schema = spec[`${text}Schema`];
  if (!isSchema(schema)) throw new Error(`the spec package has no schema ${text}Schema`);
  return schema;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(' || char === '<' || char === '{') depth++;
    else if (char === ')' || char === '>' || char === '}') depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  // A type written across lines starts each alternative with "|", the first one too.
  return parts.filter((part) => part !== '');
}

/** Issues as `path: message`; for a union, those of the alternative that came closest. */
function describe(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => distance(a) - distance(b))[0] ?? [];
      if (closest.length > 0) return describe(closest, path);
    }
    return [`${path.map(String).join('.') || '(root)'}: ${issue.message}`];
  });
}

/** How far a union's alternative is: one whose `type` (or the value's kind) differs is not the one meant. */
function distance(issues: readonly z.core.$ZodIssue[]): number {
  const wrongKind = issues.some(
    (issue) =>
      (issue.path.length === 1 && issue.path[0] === 'type') ||
      (issue.path.length === 0 && issue.code === 'invalid_type'),
  );
  return (wrongKind ? 1000 : 0) + issues.length;
}

/** One response the spec does not allow, said so a person can find it. */
export interface Violation {
  readonly request: string;
  readonly status: number;
  readonly problem: string;
}

/** The spec's operation for a recorded request: its route, with `@original` and `@me` as the spec writes them. */
function operationKey(entry: RestTraffic): string | null {
  if (entry.route === null) return null;
  const path = entry.path.split('?')[0] ?? '';
  const route = /\/messages\/@original$/.test(path)
    ? entry.route.replace(/\/messages\/:id$/, '/messages/@original')
    : entry.route;
  return `${entry.method} ${route}`;
}

/** Checks recorded REST responses against the spec; the sandbox's own traffic must all pass. */
export class SpecChecker {
  readonly #operations = readOperations();
  readonly #schemas = new Map<string, Schema>();
  readonly violations: Violation[] = [];
  /** Responses checked, by "METHOD /route" (so a test can see what its traffic covered). */
  readonly checked = new Map<string, number>();

  /** A sink for `LocalDiscord.start({ record })`. */
  readonly sink: TrafficSink = (entry: TrafficEntry) => {
    if (entry.kind === 'rest') this.check(entry);
  };

  check(entry: RestTraffic): void {
    const request = `${entry.method} ${entry.path}`;
    const key = operationKey(entry);
    if (key === null) return; // 404 for a path the sandbox does not serve: Discord's own answer shape
    const table = this.#operations.get(key);
    if (!table) {
      this.violations.push({ request, status: entry.status, problem: `the spec has no operation ${key}` });
      return;
    }
    const statusKey = table.has(String(entry.status)) ? String(entry.status) : `${String(entry.status)[0]}XX`;
    const expression = table.get(statusKey);
    if (expression === undefined) {
      const allowed = [...table.keys()].join(', ');
      this.violations.push({ request, status: entry.status, problem: `status not in the spec (${allowed})` });
      return;
    }
    this.checked.set(key, (this.checked.get(key) ?? 0) + 1);
    if (entry.status === 204) {
      if (entry.response !== undefined)
        this.violations.push({ request, status: 204, problem: 'a 204 response carries a body' });
      return;
    }
    let schema: Schema;
    try {
      schema = this.#schema(expression);
    } catch (error) {
      this.violations.push({
        request,
        status: entry.status,
        problem: `unreadable spec type ${expression}: ${String(error)}`,
      });
      return;
    }
    const result = z.safeParse(schema, entry.response);
    if (!result.success) {
      const problems = describe(result.error.issues, []).slice(0, 40).join('; ');
      this.violations.push({ request, status: entry.status, problem: `${expression}: ${problems}` });
    }
  }

  #schema(expression: string): Schema {
    let schema = this.#schemas.get(expression);
    if (!schema) {
      schema = schemaOf(expression);
      this.#schemas.set(expression, schema);
    }
    return schema;
  }
}
