import { asArray, asNumber, asString, isObject, type JsonObject } from '../json.js';
import { MessageFlag } from '../state/model.js';
import { Errors, FormErrors } from './errors.js';

/**
 * Discord's message limits, enforced the way Discord does (400 / 50035 or 50006), so a bot
 * that would be refused in production is refused here too.
 */
const Limit = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  rows: 5,
  rowButtons: 5,
  customId: 100,
  label: 80,
  choices: 25,
  choiceText: 100,
} as const;

export interface ValidateOptions {
  /** Edits may omit everything; new messages may not be empty. */
  readonly partial: boolean;
  readonly fileCount: number;
}

export function validateMessage(body: JsonObject, options: ValidateOptions): void {
  const errors = new FormErrors();
  const content = body['content'];
  if (content !== undefined && content !== null && typeof content !== 'string')
    errors.add('content', 'BASE_TYPE_STRING', 'Must be a string.');
  if (typeof content === 'string' && content.length > Limit.content) {
    errors.add('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.content} or fewer in length.`);
  }
  const embeds = asArray(body['embeds']);
  if (embeds.length > Limit.embeds)
    errors.add('embeds', 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.embeds} or fewer in length.`);
  let embedChars = 0;
  embeds.forEach(
    (embed, index) => (embedChars += validateEmbed(isObject(embed) ? embed : {}, `embeds.${index}`, errors)),
  );
  if (embedChars > Limit.embedTotal)
    errors.add('embeds', 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${Limit.embedTotal}`);
  const flags = asNumber(body['flags']) ?? 0;
  validateComponents(asArray(body['components']), (flags & MessageFlag.IsComponentsV2) !== 0, errors);
  errors.throwIfAny();
  if (!options.partial && isEmpty(body, options.fileCount)) throw Errors.emptyMessage();
}

/** Autocomplete answers: at most 25 choices, names and string values 1–100 characters. */
export function validateChoices(data: JsonObject): void {
  const errors = new FormErrors();
  const choices = asArray(data['choices']);
  if (choices.length > Limit.choices)
    errors.add('data.choices', 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.choices} or fewer in length.`);
  choices.forEach((choice, index) => {
    const entry = isObject(choice) ? choice : {};
    const name = asString(entry['name']) ?? '';
    if (name.length < 1 || name.length > Limit.choiceText)
      errors.add(`data.choices.${index}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    const value = entry['value'];
    if (typeof value === 'string' && value.length > Limit.choiceText)
      errors.add(`data.choices.${index}.value`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    if (value === undefined || value === null)
      errors.add(`data.choices.${index}.value`, 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  errors.throwIfAny();
}

function validateEmbed(embed: JsonObject, path: string, errors: FormErrors): number {
  let chars = 0;
  const text = (key: string, value: unknown, max: number): void => {
    if (typeof value !== 'string') return;
    chars += value.length;
    if (value.length > max) errors.add(`${path}.${key}`, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  };
  text('title', embed['title'], Limit.title);
  text('description', embed['description'], Limit.description);
  if (isObject(embed['footer'])) text('footer.text', embed['footer']['text'], Limit.footer);
  if (isObject(embed['author'])) text('author.name', embed['author']['name'], Limit.authorName);
  const fields = asArray(embed['fields']);
  if (fields.length > Limit.fields)
    errors.add(`${path}.fields`, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.fields} or fewer in length.`);
  fields.forEach((field, index) => {
    const entry = isObject(field) ? field : {};
    for (const [key, max] of [
      ['name', Limit.fieldName],
      ['value', Limit.fieldValue],
    ] as const) {
      const value = asString(entry[key]);
      if (!value || value.trim() === '')
        errors.add(`${path}.fields.${index}.${key}`, 'BASE_TYPE_REQUIRED', 'This field is required');
      else text(`fields.${index}.${key}`, value, max);
    }
  });
  return chars;
}

function validateComponents(components: unknown[], v2: boolean, errors: FormErrors): void {
  if (!v2 && components.length > Limit.rows)
    errors.add('components', 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.rows} or fewer in length.`);
  const customIds = new Set<string>();
  const visit = (component: unknown, path: string): void => {
    if (!isObject(component)) return;
    const type = asNumber(component['type']);
    if (type === 1) {
      const children = asArray(component['components']);
      if (children.length > Limit.rowButtons)
        errors.add(`${path}.components`, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.rowButtons} or fewer in length.`);
    }
    if (type === 2) {
      const label = asString(component['label']);
      if (label !== undefined && label.length > Limit.label)
        errors.add(`${path}.label`, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limit.label} or fewer in length.`);
      const isLink = component['style'] === 5 || component['style'] === 6;
      const customId = asString(component['custom_id']);
      if (!isLink && (!customId || customId.length > Limit.customId)) {
        errors.add(`${path}.custom_id`, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${Limit.customId} in length.`);
      }
      if (customId !== undefined) {
        if (customIds.has(customId))
          errors.add(`${path}.custom_id`, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
        customIds.add(customId);
      }
      if (component['style'] === 5 && !asString(component['url']))
        errors.add(`${path}.url`, 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    asArray(component['components']).forEach((child, index) => visit(child, `${path}.components.${index}`));
    if (component['accessory'] !== undefined) visit(component['accessory'], `${path}.accessory`);
  };
  components.forEach((component, index) => visit(component, `components.${index}`));
}

function isEmpty(body: JsonObject, fileCount: number): boolean {
  const content = asString(body['content']);
  return (
    (content === undefined || content.trim() === '') &&
    asArray(body['embeds']).length === 0 &&
    asArray(body['components']).length === 0 &&
    asArray(body['sticker_ids']).length === 0 &&
    body['poll'] === undefined &&
    fileCount === 0
  );
}
