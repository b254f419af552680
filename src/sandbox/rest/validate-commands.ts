import { asArray, asNumber, asString, asText, isObject, type JsonObject } from '../json.js';
import { CommandType, OptionType } from '../state/commands.js';
import { FormErrors } from './errors.js';

/**
 * The checks Discord applies when commands are registered: a definition that Discord would
 * refuse at deploy time is refused here, with the same 50035 error shape.
 */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_COMMANDS: Record<number, number> = {
  [CommandType.ChatInput]: 100,
  [CommandType.User]: 15,
  [CommandType.Message]: 15,
};

export function validateCommands(raws: readonly unknown[]): JsonObject[] {
  const errors = new FormErrors();
  const seen = new Set<string>();
  const perType = new Map<number, number>();
  const commands = raws.map((raw, index) => {
    const command = isObject(raw) ? raw : {};
    validateCommand(command, `${index}`, errors);
    const type = asNumber(command['type']) ?? CommandType.ChatInput;
    const key = `${type}:${asString(command['name']) ?? ''}`;
    if (seen.has(key))
      errors.add(`${index}.name`, 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    perType.set(type, (perType.get(type) ?? 0) + 1);
    return command;
  });
  for (const [type, count] of perType) {
    const max = MAX_COMMANDS[type];
    if (max !== undefined && count > max)
      errors.add('_', 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer commands of type ${type}.`);
  }
  errors.throwIfAny();
  return commands;
}

export function validateCommand(command: JsonObject, path: string, errors: FormErrors): void {
  const type = asNumber(command['type']) ?? CommandType.ChatInput;
  const name = asString(command['name']) ?? '';
  const description = asString(command['description']) ?? '';
  if (type === CommandType.ChatInput) {
    checkName(name, `${path}.name`, errors);
    if (description.length < 1 || description.length > 100)
      errors.add(`${path}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    validateOptions(asArray(command['options']), `${path}.options`, 0, errors);
  } else {
    if (name.length < 1 || name.length > 32)
      errors.add(`${path}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    if (description !== '')
      errors.add(
        `${path}.description`,
        'APPLICATION_COMMAND_INVALID_DESCRIPTION',
        'Context menu commands cannot have description',
      );
    if (asArray(command['options']).length > 0)
      errors.add(
        `${path}.options`,
        'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED',
        'Context menu commands cannot have options',
      );
  }
  const permissions = command['default_member_permissions'];
  if (permissions !== undefined && permissions !== null && !/^\d+$/.test(asText(permissions))) {
    errors.add(
      `${path}.default_member_permissions`,
      'NUMBER_TYPE_COERCE',
      `Value "${asText(permissions)}" is not snowflake.`,
    );
  }
}

function validateOptions(options: unknown[], path: string, depth: number, errors: FormErrors): void {
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let optionalSeen = false;
  let subcommands = 0;
  const names = new Set<string>();
  options.forEach((raw, index) => {
    const option = isObject(raw) ? raw : {};
    const at = `${path}.${index}`;
    const type = asNumber(option['type']) ?? 0;
    const name = asString(option['name']) ?? '';
    checkName(name, `${at}.name`, errors);
    if (names.has(name))
      errors.add(`${at}.name`, 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
    names.add(name);
    const description = asString(option['description']) ?? '';
    if (description.length < 1 || description.length > 100)
      errors.add(`${at}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    if (type < OptionType.Subcommand || type > OptionType.Attachment)
      errors.add(`${at}.type`, 'BASE_TYPE_CHOICES', `Value must be one of 1..11.`);
    if (type === OptionType.Subcommand || type === OptionType.SubcommandGroup) {
      subcommands++;
      if (type === OptionType.SubcommandGroup && depth > 0)
        errors.add(`${at}.type`, 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups cannot be nested');
      if (type === OptionType.Subcommand && depth > 1)
        errors.add(`${at}.type`, 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands cannot be nested here');
      const children = asArray(option['options']);
      if (
        type === OptionType.SubcommandGroup &&
        children.some((child) => !isObject(child) || child['type'] !== OptionType.Subcommand)
      ) {
        errors.add(
          `${at}.options`,
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Subcommand groups may only contain subcommands',
        );
      }
      validateOptions(children, `${at}.options`, depth + 1, errors);
      return;
    }
    if (option['required'] === true && optionalSeen)
      errors.add(
        `${at}.required`,
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    if (option['required'] !== true) optionalSeen = true;
    const choices = asArray(option['choices']);
    if (choices.length > 25) errors.add(`${at}.choices`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    if (choices.length > 0 && option['autocomplete'] === true)
      errors.add(
        `${at}.autocomplete`,
        'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE',
        'Autocomplete cannot be enabled with choices',
      );
    choices.forEach((choice, choiceIndex) => {
      const entry = isObject(choice) ? choice : {};
      const choiceName = asString(entry['name']) ?? '';
      if (choiceName.length < 1 || choiceName.length > 100)
        errors.add(`${at}.choices.${choiceIndex}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      const value = entry['value'];
      if (typeof value === 'string' && (value.length < 1 || value.length > 100))
        errors.add(
          `${at}.choices.${choiceIndex}.value`,
          'BASE_TYPE_BAD_LENGTH',
          'Must be between 1 and 100 in length.',
        );
    });
    const maxLength = asNumber(option['max_length']);
    if (maxLength !== undefined && (maxLength < 1 || maxLength > 6000))
      errors.add(`${at}.max_length`, 'NUMBER_TYPE_MAX', 'int value should be between 1 and 6000.');
  });
  if (subcommands > 0 && subcommands !== options.length)
    errors.add(
      path,
      'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      'Subcommands and options cannot be mixed at one level',
    );
}

function checkName(name: string, path: string, errors: FormErrors): void {
  if (!NAME.test(name) || name !== name.toLowerCase()) {
    errors.add(
      path,
      'APPLICATION_COMMAND_INVALID_NAME',
      `Command name "${name}" is invalid: 1-32 lowercase letters, digits, "-" or "_".`,
    );
  }
}
