/**
 * The little Markdown that PRIVACY.md and TERMS.md are written in, as HTML: headings (with the
 * ids GitHub gives them, which their `#anchor` links name), paragraphs, lists with wrapped items,
 * **bold**, `code` and links. HTML comments (notes for operators) are left out. Every character of
 * the text is escaped; a link goes only to http(s), to an anchor, or to a page `links` names.
 */

import { escapeHtml } from '../page/html.js';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

function href(target: string, links: Readonly<Record<string, string>>): string | undefined {
  if (/^https?:\/\//.test(target) || /^#[\w-]+$/.test(target)) return target;
  return links[target];
}

/** `**bold**` and `[text](target)` in text already escaped. */
function emphasis(escaped: string, links: Readonly<Record<string, string>>): string {
  return escaped
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text: string, target: string) => {
      const to = href(target.replace(/&amp;/g, '&'), links);
      return to === undefined ? whole : `<a href="${escapeHtml(to)}">${text}</a>`;
    });
}

function inline(text: string, links: Readonly<Record<string, string>>): string {
  // Code spans first: nothing inside them is Markdown.
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : emphasis(escapeHtml(part), links),
    )
    .join('');
}

type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: string[] };

const ITEM = /^(?:([-*])|(\d+)\.)\s+(.*)$/;

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  const close = (): void => {
    if (open) blocks.push(open);
    open = undefined;
  };
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = ITEM.exec(line);
    if (line.trim() === '') close();
    else if (heading) {
      close();
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
    } else if (item) {
      const ordered = item[2] !== undefined;
      if (open?.kind !== 'list' || open.ordered !== ordered) {
        close();
        open = { kind: 'list', ordered, items: [] };
      }
      open.items.push(item[3]!.trim());
    } else if (open?.kind === 'list' && /^\s/.test(line)) {
      const last = open.items.length - 1;
      open.items[last] = `${open.items[last]} ${line.trim()}`;
    } else if (open?.kind === 'paragraph') open = { kind: 'paragraph', text: `${open.text} ${line.trim()}` };
    else {
      close();
      open = { kind: 'paragraph', text: line.trim() };
    }
  }
  close();
  return blocks;
}

/** The body of the page, block by block. */
export function markdownToHtml(markdown: string, links: Readonly<Record<string, string>> = {}): string {
  return blocksOf(markdown)
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h${block.level} id="${escapeHtml(slugOf(block.text))}">${inline(block.text, links)}</h${block.level}>`;
        case 'paragraph':
          return `<p>${inline(block.text, links)}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>\n${block.items.map((item) => `<li>${inline(item, links)}</li>`).join('\n')}\n</${tag}>`;
        }
      }
    })
    .join('\n');
}
