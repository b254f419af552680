import { asArray, asNumber, isObject, type JsonObject } from '../json.js';

/**
 * Embeds and components as Discord stores and returns them, not as the bot sent them: every
 * embed has its `type` ("rich" for a bot's own) and each field its `inline`; every component
 * has a numeric `id`, the bot's own where it gave one, else the next free one in reading order.
 * Copies: the bot's request body stays as it was sent (the exchange records it).
 */
export function storedEmbeds(value: unknown): JsonObject[] {
  return asArray(value)
    .filter(isObject)
    .map((embed) => {
      const stored: JsonObject = { type: 'rich', ...embed };
      if (Array.isArray(embed['fields']))
        stored['fields'] = embed['fields'].filter(isObject).map((field) => ({ inline: false, ...field }));
      return stored;
    });
}

export function storedComponents(value: unknown): JsonObject[] {
  const components = asArray(value).filter(isObject);
  const taken = new Set<number>();
  const collect = (list: readonly JsonObject[]): void => {
    for (const component of list) {
      const id = asNumber(component['id']);
      if (id !== undefined) taken.add(id);
      collect(children(component));
    }
  };
  collect(components);
  let next = 0;
  const nextId = (): number => {
    do next++;
    while (taken.has(next));
    return next;
  };
  const copy = (component: JsonObject): JsonObject => {
    const stored: JsonObject = { ...component, id: asNumber(component['id']) ?? nextId() };
    if (Array.isArray(component['components']))
      stored['components'] = component['components'].filter(isObject).map(copy);
    if (isObject(component['accessory'])) stored['accessory'] = copy(component['accessory']);
    return stored;
  };
  return components.map(copy);
}

function children(component: JsonObject): JsonObject[] {
  const nested = asArray(component['components']).filter(isObject);
  return isObject(component['accessory']) ? [...nested, component['accessory']] : nested;
}
