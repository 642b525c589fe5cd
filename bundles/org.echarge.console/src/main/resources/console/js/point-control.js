// The setpoint form on the Status page's point cards: POST api/points/{n}/setpoint {current}
// (org.echarge.web). Only shown for points that DLM does not control (status-view.js); the server
// still refuses with 409 dlm-active if DLM took over meanwhile, and with 400 out-of-range naming
// the allowed range.

import * as api from './api.js';
import { t } from './i18n.js';
import { act, problemText } from './ui.js';

const FORM = '[data-field="setpoint-form"]';
const INPUT = '[data-field="setpoint-input"]';

function refusal(error) {
  switch (error.code) {
    case 'dlm-active':
      return t('point.setpointDlmActive');
    case 'out-of-range':
      return t('point.setpointOutOfRange', { reason: error.message });
    default:
      return problemText(error);
  }
}

/**
 * The range each point takes a setpoint in (GET api/points: minCurrentAmpere, maxCurrentAmpere),
 * into ranges (number -> {min, max}) for the setpoint fields; left empty without the points API.
 */
export async function loadSetpointRanges(ranges) {
  try {
    for (const point of await api.get('api/points')) {
      if (typeof point.minCurrentAmpere === 'number' && typeof point.maxCurrentAmpere === 'number') {
        ranges.set(point.number, { min: point.minCurrentAmpere, max: point.maxCurrentAmpere });
      }
    }
  } catch {
    // without the range the server still refuses a value outside it, with the range in its message
  }
}

export function attachSetpointControl(container, { onUnauthorized }) {
  container.addEventListener('input', (event) => {
    if (event.target.matches(INPUT)) {
      event.target.dataset.dirty = 'true';
    }
  });
  container.addEventListener('submit', (event) => {
    const form = event.target.closest(FORM);
    if (!form) {
      return;
    }
    event.preventDefault();
    const number = Number(form.dataset.number);
    const input = form.querySelector(INPUT);
    const messageId = `point-${number}-setpoint-message`;
    const current = Number(input.value);
    act(form.querySelector('button'), messageId, async () => {
      await api.call('POST', `api/points/${number}/setpoint`, { current });
      delete input.dataset.dirty;
      return t('point.setpointSent', { value: current });
    }, { onUnauthorized, refusal });
  });
}
