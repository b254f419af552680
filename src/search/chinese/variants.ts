import type { ChineseVariant } from '../../corpus/chinese.js';

/**
 * Reads each variant way of writing a word as the form the glossary writes (报导 as 报道, 品质 as
 * 质量): OpenCC folds traditional characters to simplified ones, not one simplified word to
 * another. Applied to folded text, longest variant first.
 */
export function variantReader(variants: readonly ChineseVariant[]): (folded: string) => string {
  const standard = new Map(variants.flatMap(({ forms, as }) => forms.map((form) => [form, as] as const)));
  if (standard.size === 0) return (folded) => folded;
  const forms = [...standard.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.join('|'), 'gu');
  return (folded) => folded.replace(pattern, (form) => standard.get(form) ?? form);
}
