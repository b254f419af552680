import { MAX_QUERY_LENGTH } from '../search/search.js';

/** A message read as a question: its words, and whether it had to be shortened. */
export interface MessageQuestion {
  readonly text: string;
  readonly shortened: boolean;
}

/**
 * The words of a message that the search should see: mentions, channel and role links, custom
 * emoji and links are Discord's furniture, not the question.
 */
export function questionOf(content: string): MessageQuestion {
  // Neither a link's text nor its target may hold a bracket: each attempt then stops at the next
  // `[`, and a message of 4,000 brackets is read in one pass instead of 4,000 × 4,000 steps.
  const words = content
    .replace(/\[([^[\]]*)\]\(\s*<?https?:\/\/[^()[\]\s]*>?\)/gi, '$1')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/<(@[!&]?|#)\d+>/g, ' ')
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...words];
  if (chars.length <= MAX_QUERY_LENGTH) return { text: words, shortened: false };
  const head = chars.slice(0, MAX_QUERY_LENGTH).join('');
  const boundary = head.lastIndexOf(' ');
  return { text: (boundary > MAX_QUERY_LENGTH / 2 ? head.slice(0, boundary) : head).trim(), shortened: true };
}

/** Whether any letter or digit is left to search for. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
