/** Where a passage stands in the article: a paragraph (¶N) or one of its sentences (¶N.S). */
export interface Citation {
  readonly paragraph: number;
  readonly sentence?: number;
}

export function formatCitation(citation: Citation): string {
  return citation.sentence === undefined ? `¶${citation.paragraph}` : `¶${citation.paragraph}.${citation.sentence}`;
}

const CITATION = /^¶(\d{1,2})(?:\.(\d{1,2}))?$/;

/** Reads `¶N` or `¶N.S`; anything else is not a citation. */
export function parseCitation(text: string): Citation | null {
  const match = CITATION.exec(text.trim());
  if (!match) return null;
  const paragraph = Number(match[1]);
  return match[2] === undefined ? { paragraph } : { paragraph, sentence: Number(match[2]) };
}
