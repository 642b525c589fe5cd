// The fields of the Configuration page, generated from one metatype attribute of
// GET api/config/schema ({id, name, description, type, cardinality, required, default, options,
// min, max}): which input fits the type, and how its value becomes the JSON value of the
// configuration document (numbers as numbers, booleans as booleans, lists as arrays).

import { make } from './ui.js';

const NUMERIC = ['integer', 'long', 'double'];

/** A stable id part: letters, digits and '-' only. */
export const slug = (text) => String(text).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

const multiple = (attribute) => (attribute.cardinality ?? 0) !== 0;

/**
 * One value as the type wants it; text that does not parse stays text, so that the server's
 * validation names the problem at the field instead of the page dropping the input.
 */
function convert(attribute, text) {
  if (attribute.type === 'boolean') {
    return text === true || text === 'true';
  }
  if (NUMERIC.includes(attribute.type)) {
    const trimmed = String(text).trim();
    const number = Number(trimmed);
    return trimmed !== '' && Number.isFinite(number) ? number : trimmed;
  }
  return text;
}

function asText(value) {
  return value === null || value === undefined ? '' : String(value);
}

/** The input element for an attribute, filled with value (undefined: the schema's default). */
export function createInput(attribute, id, value) {
  const initial = value === undefined ? defaultValue(attribute) : value;
  let input;
  if (multiple(attribute)) {
    input = make('textarea', { id, rows: 3, spellcheck: false });
    input.value = (Array.isArray(initial) ? initial : initial === undefined ? [] : [initial]).map(asText).join('\n');
  } else if (attribute.options?.length) {
    input = make('select', { id });
    if (!attribute.required) {
      input.append(make('option', { value: '' }, '–'));
    }
    for (const option of attribute.options) {
      input.append(make('option', { value: String(option.value) }, option.label ?? String(option.value)));
    }
    input.value = asText(initial);
  } else if (attribute.type === 'boolean') {
    input = make('input', { id, type: 'checkbox' });
    input.checked = initial === true || initial === 'true';
  } else {
    const numeric = NUMERIC.includes(attribute.type);
    input = make('input', {
      id,
      type: attribute.type === 'password' ? 'password' : numeric ? 'number' : 'text',
      spellcheck: false,
      autocomplete: attribute.type === 'password' ? 'new-password' : 'off',
    });
    if (numeric) {
      input.step = attribute.type === 'double' ? 'any' : '1';
      if (attribute.min !== null && attribute.min !== undefined) {
        input.min = String(attribute.min);
      }
      if (attribute.max !== null && attribute.max !== undefined) {
        input.max = String(attribute.max);
      }
    }
    input.value = asText(initial);
  }
  input.required = Boolean(attribute.required) && attribute.type !== 'boolean';
  return input;
}

/** The schema's default as a document value (a list for multi-valued attributes). */
export function defaultValue(attribute) {
  const defaults = attribute.default ?? [];
  if (multiple(attribute)) {
    return defaults.map((value) => convert(attribute, value));
  }
  return defaults.length ? convert(attribute, defaults[0]) : undefined;
}

/** The document value of an input; undefined when it is empty (the property is left out). */
export function readInput(attribute, input) {
  if (multiple(attribute)) {
    return input.value.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => convert(attribute, line));
  }
  if (input.type === 'checkbox') {
    return input.checked;
  }
  if (input.value === '' && !(input.validity?.badInput)) {
    return undefined;
  }
  return convert(attribute, input.validity?.badInput ? 'not a number' : input.value);
}
