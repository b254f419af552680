const DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A number written in figures or in Chinese numerals up to 99 ("11", "十一", "二十"), or undefined. */
export function chineseNumeral(written: string): number | undefined {
  if (/^\d+$/.test(written)) return Number(written);
  if (!/^[一两二三四五六七八九十]+$/u.test(written)) return undefined;
  const hasTen = written.includes('十');
  const [tens, ones] = hasTen ? written.split('十') : ['', written];
  const ten = hasTen ? (tens ? DIGITS[tens] : 1) : 0;
  const one = ones ? DIGITS[ones] : 0;
  return ten === undefined || one === undefined ? undefined : ten * 10 + one;
}
