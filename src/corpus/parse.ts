import type { z } from 'zod';
import { CorpusError } from './article.js';

/** One curated file's JSON, checked against its schema; a failure names the file and the field. */
export function parseCorpusFile<S extends z.ZodType>(name: string, text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`corpus/${name}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorpusError(`corpus/${name}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
