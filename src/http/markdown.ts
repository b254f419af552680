/**
 * PRIVACY.md and TERMS.md as HTML, through markdown-it (CommonMark). Raw HTML in the text is
 * escaped, not passed on; headings get the ids GitHub gives them, which their `#anchor` links
 * name; a link goes only to http(s), to an anchor, or to a page `links` names — any other stays
 * the text it was written as.
 */

import MarkdownIt from 'markdown-it';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

function targetOf(written: string, links: Readonly<Record<string, string>>): string | undefined {
  if (/^https?:\/\//.test(written) || /^#[\w-]+$/.test(written)) return written;
  return links[written];
}

function renderer(links: Readonly<Record<string, string>>): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const normalize = md.normalizeLink.bind(md);
  // markdown-it normalises a destination, then asks whether it may be a link: a destination
  // outside the table normalises to nothing, which is refused, and the link stays as text.
  md.normalizeLink = (written) => {
    const target = targetOf(written, links);
    return target === undefined ? '' : normalize(target);
  };
  md.validateLink = (normalized) => normalized !== '';
  md.core.ruler.push('heading_ids', (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type === 'heading_open') token.attrSet('id', slugOf(state.tokens[i + 1]?.content ?? ''));
    });
  });
  return md;
}

/** The body of the page. HTML comments (notes for operators) are left out. */
export function markdownToHtml(markdown: string, links: Readonly<Record<string, string>> = {}): string {
  return renderer(links).render(markdown.replace(/<!--[\s\S]*?-->/g, ''));
}
