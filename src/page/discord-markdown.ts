import { escapeHtml } from './html.js';

/**
 * The part of Discord's markdown the bot's messages use, as HTML: `\`-escapes, `**bold**`,
 * `*italic*` and `_italic_`, `__underline__`, `~~strike~~`, `` `code` ``, `> ` block quotes and
 * line breaks. Everything else stays as the text it is, and every piece of text is escaped: the
 * only tags in the output are the ones written here.
 */
export function markdownToHtml(markdown: string): string {
  const blocks: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length;) {
    if (isQuoteLine(lines[i]!)) {
      const quoted: string[] = [];
      while (i < lines.length && isQuoteLine(lines[i]!)) quoted.push(lines[i++]!.replace(/^> ?/, ''));
      blocks.push(`<blockquote>${quoted.map(inlineToHtml).join('<br>')}</blockquote>`);
    } else if (lines[i]!.trim() === '') {
      i++;
    } else {
      const plain: string[] = [];
      while (i < lines.length && !isQuoteLine(lines[i]!) && lines[i]!.trim() !== '') plain.push(lines[i++]!);
      blocks.push(`<p>${plain.map(inlineToHtml).join('<br>')}</p>`);
    }
  }
  return blocks.join('');
}

// Discord reads `>` followed by a space (or an empty `>` line) at a line's start as a quote.
const isQuoteLine = (line: string): boolean => line === '>' || line.startsWith('> ');

/** `\` before a character that is not a letter, a digit or a space makes it literal. */
const ESCAPED = /^\\([^0-9A-Za-z\s])/;
/** A run whose closing mark is not itself escaped: `(?:\\[\s\S]|[^\\])+?` steps over `\*`. */
const SPANS: readonly { readonly pattern: RegExp; readonly tag: string }[] = [
  { pattern: /^\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/, tag: 'strong' },
  { pattern: /^__((?:\\[\s\S]|[^\\])+?)__(?!_)/, tag: 'u' },
  { pattern: /^~~((?:\\[\s\S]|[^\\])+?)~~/, tag: 's' },
  { pattern: /^\*(?=\S)((?:\\[\s\S]|[^\\*])*?\S)\*(?!\*)/, tag: 'em' },
];
/** `_` marks italics only at a word's edges, so `snake_case_name` stays as typed. */
const UNDERSCORED = /^_((?:\\[\s\S]|[^\\_])+?)_(?![0-9A-Za-z_])/;
const WORD_CHARACTER = /[0-9A-Za-z_]/;
const CODE = /^`([^`]+)`/;
/** Where a mark may begin: plain text runs up to the next of these. */
const MARK = /[\\*_~`]/;

/** One line of Discord markdown as inline HTML. */
export function inlineToHtml(text: string): string {
  let out = '';
  let rest = text;
  let previous = '';
  const advance = (length: number): void => {
    previous = rest.charAt(length - 1);
    rest = rest.slice(length);
  };
  while (rest) {
    const escaped = ESCAPED.exec(rest);
    if (escaped) {
      out += escapeHtml(escaped[1]!);
      advance(escaped[0].length);
      continue;
    }
    const code = CODE.exec(rest);
    if (code) {
      out += `<code>${escapeHtml(code[1]!)}</code>`;
      advance(code[0].length);
      continue;
    }
    const span = spanAt(rest, WORD_CHARACTER.test(previous));
    if (span) {
      out += `<${span.tag}>${inlineToHtml(span.inner)}</${span.tag}>`;
      advance(span.length);
      continue;
    }
    // No mark opens here: the text runs to the next character that might open one.
    const next = rest.slice(1).search(MARK);
    const end = next === -1 ? rest.length : next + 1;
    out += escapeHtml(rest.slice(0, end));
    advance(end);
  }
  return out;
}

function spanAt(
  text: string,
  inWord: boolean,
): { readonly tag: string; readonly inner: string; readonly length: number } | undefined {
  for (const { pattern, tag } of SPANS) {
    const match = pattern.exec(text);
    if (match) return { tag, inner: match[1]!, length: match[0].length };
  }
  const underscored = inWord ? null : UNDERSCORED.exec(text);
  return underscored ? { tag: 'em', inner: underscored[1]!, length: underscored[0].length } : undefined;
}
