/** A stretch of a passage's text, as offsets: `text.slice(start, end)`. */
export type Range = readonly [start: number, end: number];
