import { asArray, isObject, type JsonObject } from './json.js';

/** Depth-first search through action rows, containers and section accessories. */
export function findComponent(
  components: readonly unknown[],
  predicate: (component: JsonObject) => boolean,
): JsonObject | undefined {
  for (const component of components) {
    if (!isObject(component)) continue;
    if (predicate(component)) return component;
    const nested = findComponent(
      [...asArray(component['components']), ...(component['accessory'] ? [component['accessory']] : [])],
      predicate,
    );
    if (nested) return nested;
  }
  return undefined;
}

/** Every component matching `predicate`, in reading order. */
export function listComponents(
  components: readonly unknown[],
  predicate: (component: JsonObject) => boolean,
): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (list: readonly unknown[]): void => {
    for (const component of list) {
      if (!isObject(component)) continue;
      if (predicate(component)) found.push(component);
      visit(asArray(component['components']));
      if (component['accessory']) visit([component['accessory']]);
    }
  };
  visit(components);
  return found;
}
