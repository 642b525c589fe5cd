// Small DOM helpers shared by the pages. Elements are built, never parsed from HTML (the page runs
// under a strict CSP), and server texts are always set as text.

import { t } from './i18n.js';

export const $ = (id) => document.getElementById(id);

/** Sets a message element's text and shows it, or hides it when text is empty. */
export function say(id, text, kind = 'info') {
  const element = $(id);
  element.textContent = text ?? '';
  element.hidden = !text;
  element.dataset.kind = kind;
}

/** A new element with attributes (properties) and text. */
export function make(tag, properties = {}, text = undefined) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith('data-') || name.startsWith('aria-') || name === 'for') {
      element.setAttribute(name, value);
    } else {
      element[name] = value;
    }
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** Calls fn after the input has been quiet for millis. */
export function debounce(fn, millis) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), millis);
  };
}

/** Disables the button (if any) while the action runs. */
export async function busy(button, action) {
  if (button) {
    button.disabled = true;
  }
  try {
    return await action();
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

/** The user's text for a failed call: the server's message, or "not available" (404/503). */
export function problemText(error) {
  if (error.unavailable) {
    return t('common.notAvailable');
  }
  if (error.status === 0) {
    return t('error.connection');
  }
  return t('error.failed', { reason: error.message });
}

/**
 * Loads a card's data: on success render(data); when the service is missing (404/503) the card's
 * body is hidden and its "not available" line shown; other errors go to the card's message.
 * 401 is rethrown (the caller shows the login view).
 */
export async function loadCard(card, load, render) {
  const body = $(`${card}-body`);
  const unavailable = $(`${card}-unavailable`);
  try {
    const data = await load();
    unavailable.hidden = true;
    body.hidden = false;
    render(data);
    return data;
  } catch (error) {
    if (error.status === 401) {
      throw error;
    }
    if (error.unavailable) {
      unavailable.hidden = false;
      body.hidden = true;
    } else {
      say(`${card}-message`, problemText(error), 'error');
    }
    return null;
  }
}

/**
 * Runs a user's action: the button disabled meanwhile, success text or the refusal shown in the
 * message element, 401 handed to onUnauthorized. refusal(error) may name codes of its own.
 */
export async function act(button, messageId, action, { onUnauthorized, refusal = problemText }) {
  say(messageId, '');
  return busy(button, async () => {
    try {
      const text = await action();
      if (text) {
        say(messageId, text, 'ok');
      }
    } catch (error) {
      if (error.status === 401) {
        onUnauthorized();
      } else {
        // a missing service is a fact about this gateway, not a failure of the action
        say(messageId, refusal(error) ?? problemText(error), error.unavailable ? 'info' : 'error');
      }
    }
  });
}
