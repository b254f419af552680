/**
 * Whether a stretch of Chinese is wholly made of the given words, end to end: "谢谢啦" of 谢谢 and
 * 啦. Chinese writes no spaces, so a message is small talk (or a question about the article
 * itself) when it splits wholly into such words.
 */
export function coveredBy(text: string, words: ReadonlySet<string>, longest: number): boolean {
  const chars = [...text];
  const reach: boolean[] = [true];
  for (let i = 0; i < chars.length; i++) {
    if (!reach[i]) continue;
    let word = '';
    for (let end = i + 1; end <= Math.min(chars.length, i + longest); end++) {
      word += chars[end - 1]!;
      if (words.has(word)) reach[end] = true;
    }
  }
  return reach[chars.length] === true;
}

/** A list of words written apart by spaces, and the length of its longest, for `coveredBy`. */
export function wordList(text: string): { words: ReadonlySet<string>; longest: number } {
  const words = new Set(text.split(/\s+/).filter(Boolean));
  return { words, longest: Math.max(...[...words].map((w) => [...w].length)) };
}
