// Texts (i18n/en.json, i18n/de.json: flat maps of the same keys) and number/date formats.

export const LANGUAGES = ['en', 'de'];
const STORAGE_KEY = 'echarge.console.language';

let language = 'en';
let texts = {};

/** The stored choice, else the browser's preference, else English. */
export function preferredLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) {
    return stored;
  }
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return LANGUAGES.includes(browser) ? browser : 'en';
}

/** Loads the texts of a language, remembers the choice and translates the page. */
export async function setLanguage(next) {
  const response = await fetch(`i18n/${next}.json`, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`i18n/${next}.json: HTTP ${response.status}`);
  }
  texts = await response.json();
  language = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  translate(document);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === next));
  }
}

/** The text of a key, with {name} placeholders filled in; the key itself when it is missing. */
export function t(key, values = {}) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** Sets the text of every element with data-i18n below root. */
export function translate(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
}

const DASH = '–';

function number(value, digits) {
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(value);
}

const known = (value) => typeof value === 'number' && Number.isFinite(value);

export const format = {
  ampere: (value) => (known(value) ? `${number(value, 1)} A` : DASH),
  watt: (value) => {
    if (!known(value)) {
      return DASH;
    }
    return Math.abs(value) >= 1000 ? `${number(value / 1000, 2)} kW` : `${number(value, 0)} W`;
  },
  wattHour: (value) => (known(value) ? `${number(value / 1000, 2)} kWh` : DASH),
  text: (value) => (value === null || value === undefined || value === '' ? DASH : String(value)),
  dateTime: (iso) => (iso ? new Date(iso).toLocaleString(language) : DASH),
  clock: (millis) => new Date(millis).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }),
  duration: (seconds) => {
    if (!known(seconds)) {
      return DASH;
    }
    const days = Math.floor(seconds / 86400);
    const pad = (n) => String(Math.floor(n)).padStart(2, '0');
    const time = `${pad((seconds % 86400) / 3600)}:${pad((seconds % 3600) / 60)}:${pad(seconds % 60)}`;
    return days > 0 ? `${t('unit.days', { days })} ${time}` : time;
  },
  yesNo: (value) => (value === true ? t('common.yes') : value === false ? t('common.no') : DASH),
};
