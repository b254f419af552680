/** Every tag name in a piece of HTML, opening and closing alike. */
export const tagsOf = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!);

/** The attributes the tags of a piece of HTML carry, by name. */
export const attributesOf = (html: string): string[] =>
  [...html.matchAll(/<[a-zA-Z][\w-]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].flatMap((m) =>
    [...m[1]!.matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)].map((a) => a[1]!),
  );

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a piece of HTML shows: line breaks kept, tags dropped, entities read. */
export const textOf = (html: string): string =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
