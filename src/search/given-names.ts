import { editDistance } from './edits.js';

/**
 * A slip in a person's given name right after a surname the article prints ("Huang Feiyoo",
 * "Wang Qui"): the surname says whose name it is, so the given name is read as the nearest the
 * article gives after that surname, not as a name the article does not know.
 */
export class GivenNames {
  readonly #bySurname = new Map<string, string[]>();
  /** A surname and the word after it, wherever the surname stands. */
  readonly #named: RegExp;

  /** `people`: the article's people, each "Surname Given" as it prints them. */
  constructor(people: Iterable<string>) {
    for (const person of people) {
      const [surname, given, ...rest] = person.split(/\s+/u);
      if (!surname || !given || rest.length > 0) continue;
      const key = surname.toLowerCase();
      this.#bySurname.set(key, [...(this.#bySurname.get(key) ?? []), given]);
    }
    const names = [...this.#bySurname.keys()].map((s) => s.replace(/[^\p{L}]/gu, ''));
    this.#named =
      names.length > 0
        ? new RegExp(String.raw`(?<![\p{L}\p{N}])(${names.join('|')})(\s+)(\p{L}+)(?![\p{L}\p{N}])`, 'giu')
        : /(?!)/g;
  }

  /** The question with each slipped given name written as the article writes it. */
  spell(question: string): string {
    // The surname is matched itself, so "did Huang Feiyoo say" is read as "what did Huang Feiyoo say" is.
    return question.replace(this.#named, (whole, surname: string, gap: string, typed: string) => {
      const given = this.#nearest(surname.toLowerCase(), typed.toLowerCase());
      return given ? `${surname}${gap}${given}` : whole;
    });
  }

  #nearest(surname: string, typed: string): string | undefined {
    const names = this.#bySurname.get(surname);
    if (!names || names.some((n) => n.toLowerCase() === typed)) return undefined;
    // A short name bears one slip, a longer two; its first letter is sure.
    const budget = typed.length <= 4 ? 1 : 2;
    let best: string[] = [];
    let fewest = budget + 1;
    for (const name of names) {
      const folded = name.toLowerCase();
      if (folded[0] !== typed[0]) continue;
      const edits = editDistance(typed, folded, budget);
      if (edits < fewest) [best, fewest] = [[name], edits];
      else if (edits === fewest) best.push(name);
    }
    return best.length === 1 ? best[0] : undefined;
  }
}
