/**
 * Rendered replies folded to a terminal's width. A line's lead — indentation, the `│ ` gutter of
 * an embed, a `> ` block quote — is repeated on each line it wraps onto, so a long quote stays
 * inside its gutter; a list item's continuation lines up under its text. Widths are display
 * columns: a CJK character takes two, and a line of Chinese may break between any two of them.
 */
const LEAD = /^(\s*(?:│ ?)*\s*)((?:> )?)((?:[-*•] |\d+\. )?)/u;
/** East Asian wide and full-width characters, and emoji: two columns each. */
const WIDE_RANGES =
  '\\u1100-\\u115F\\u2E80-\\u303E\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA000-\\uA4CF\\uAC00-\\uD7A3' +
  '\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFF60\\uFFE0-\\uFFE6\\u{1F300}-\\u{1FAFF}\\u{20000}-\\u{3FFFD}';
const WIDE = new RegExp(`[${WIDE_RANGES}]`, 'u');
/** Combining marks and format characters (zero-width space, joiners, variation selectors) take no column. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;
/** Break units: a word with its trailing spaces, one wide character (with its spaces), or spaces. */
const UNITS = new RegExp(`[${WIDE_RANGES}]\\s*|[^\\s${WIDE_RANGES}]+\\s*|\\s+`, 'gu');

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

/** Every line of `text` no wider than `width` columns (a lead wider than that is kept whole). */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const lead = LEAD.exec(line);
  const gutter = lead?.[1] ?? '';
  const quote = lead?.[2] ?? '';
  const bullet = lead?.[3] ?? '';
  const first = gutter + quote + bullet;
  const next = gutter + quote + ' '.repeat(displayWidth(bullet));
  // Too little room beside the lead: wrap the whole line instead, at least 10 columns a line.
  const room = Math.max(10, width - displayWidth(first));
  const body = line.slice(first.length);
  const rows: string[] = [];
  let row = '';
  let rowWidth = 0;
  const flush = (): void => {
    rows.push(row.trimEnd());
    row = '';
    rowWidth = 0;
  };
  for (const unit of body.match(UNITS) ?? []) {
    const word = row === '' ? unit.trimStart() : unit;
    const wordWidth = displayWidth(word.trimEnd());
    if (rowWidth + wordWidth > room && row !== '') {
      flush();
      if (word.trim() === '') continue;
    }
    if (wordWidth > room) {
      // A word longer than a whole row (a URL): cut it, as a terminal would.
      for (const char of word) {
        if (rowWidth + displayWidth(char) > room) flush();
        row += char;
        rowWidth += displayWidth(char);
      }
      continue;
    }
    row += row === '' ? word.trimStart() : word;
    rowWidth = displayWidth(row);
  }
  if (row.trim() !== '') flush();
  return rows.map((text, index) => (index === 0 ? first : next) + text);
}
