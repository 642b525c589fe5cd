// The console: which view shows (login, password change, status), the language switch, and the
// live status stream while the status view is open.

import * as api from './api.js';
import { HistoryChart } from './history-chart.js';
import { LANGUAGES, preferredLanguage, setLanguage, t } from './i18n.js';
import { openLiveStatus } from './live.js';
import { StatusView } from './status-view.js';

const $ = (id) => document.getElementById(id);
const RETRY_MILLIS = 10000;

const view = new StatusView();
let chart = null;
let closeLive = null;
let retryTimer = null;
let passwordForced = false;

function show(name) {
  for (const candidate of ['login', 'password', 'status']) {
    $(`view-${candidate}`).hidden = candidate !== name;
  }
  $('logout').hidden = name === 'login';
  $('nav').hidden = name !== 'status';
  $('change-password').hidden = name !== 'status';
  if (name !== 'status') {
    stopLive();
  }
}

function message(text) {
  $('message').textContent = text ?? '';
  $('message').hidden = !text;
}

function showError(id, text) {
  $(id).textContent = text;
  $(id).hidden = !text;
}

/** Asks the server who is logged in and shows the view that fits. */
async function route() {
  clearTimeout(retryTimer);
  try {
    const session = await api.session();
    message(null);
    $('session-user').textContent = session.user;
    if (session.mustChangePassword) {
      showPassword(true);
    } else {
      showStatus();
    }
  } catch (error) {
    handle(error, () => {
      message(t('error.unreachable'));
      retryTimer = setTimeout(route, RETRY_MILLIS);
    });
  }
}

/** 401 anywhere: back to the login view. Anything else: the fallback. */
function handle(error, otherwise) {
  if (error instanceof api.HttpError && error.status === 401) {
    showLogin();
  } else {
    otherwise(error);
  }
}

function showLogin() {
  $('session-user').textContent = '';
  showError('login-error', '');
  $('login-password').value = '';
  show('login');
  $('login-user').focus();
}

function showPassword(forced) {
  passwordForced = forced;
  $('password-form').reset();
  showError('password-error', '');
  $('password-forced').hidden = !forced;
  $('password-cancel').hidden = forced;
  show('password');
  $('password-old').focus();
}

function showStatus() {
  show('status');
  if (!chart) {
    chart = new HistoryChart($('history-chart'));
    $('chart-unavailable').hidden = chart.available;
  }
  startLive();
}

function startLive() {
  if (closeLive) {
    return;
  }
  closeLive = openLiveStatus({
    onStatus: (status) => {
      message(null);
      view.render(status);
      chart.add(status);
    },
    onState: (state) => {
      $('live-state').dataset.state = state;
      $('live-state').textContent = t(`live.${state}`);
    },
    onRefused: () => {
      closeLive = null;
      refused();
    },
  });
}

/**
 * The stream was refused: logged out (401 → login view), or too many streams (503): show the
 * status once and try the stream again later.
 */
async function refused() {
  try {
    const status = await api.status();
    view.render(status);
    chart.add(status);
    retryTimer = setTimeout(startLive, RETRY_MILLIS);
  } catch (error) {
    handle(error, () => {
      message(t('error.unreachable'));
      retryTimer = setTimeout(route, RETRY_MILLIS);
    });
  }
}

function stopLive() {
  clearTimeout(retryTimer);
  if (closeLive) {
    closeLive();
    closeLive = null;
  }
}

async function submit(button, action) {
  button.disabled = true;
  try {
    await action();
  } finally {
    button.disabled = false;
  }
}

/** What the error codes of org.echarge.web mean to the user. */
function problem(error) {
  switch (error.code) {
    case 'login-failed':
      return t('login.denied');
    case 'locked':
      return t('login.locked', { seconds: error.retryAfter ?? '?' });
    case 'wrong-password':
      return t('password.wrongOld');
    case 'password-refused':
      return t('password.refused', { reason: error.message });
    default:
      return t('error.failed', { reason: error.message });
  }
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  submit($('login-submit'), async () => {
    try {
      await api.login($('login-user').value, $('login-password').value);
      await route();
    } catch (error) {
      showError('login-error', problem(error));
    }
  });
});

$('password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if ($('password-new').value !== $('password-repeat').value) {
    showError('password-error', t('password.mismatch'));
    return;
  }
  submit($('password-submit'), async () => {
    try {
      await api.changePassword($('password-old').value, $('password-new').value);
      await route();
    } catch (error) {
      handle(error, () => showError('password-error', problem(error)));
    }
  });
});

$('password-cancel').addEventListener('click', () => {
  if (!passwordForced) {
    showStatus();
  }
});

$('change-password').addEventListener('click', () => showPassword(false));

$('logout').addEventListener('click', async () => {
  stopLive();
  try {
    await api.logout();
  } catch {
    // already logged out or unreachable: the login view is right either way
  }
  showLogin();
});

for (const language of LANGUAGES) {
  $(`lang-${language}`).addEventListener('click', async () => {
    await setLanguage(language);
    view.rerender();
    chart?.relabel();
    $('live-state').textContent = t(`live.${$('live-state').dataset.state}`);
  });
}

try {
  await setLanguage(preferredLanguage());
} catch (error) {
  console.error('Texts not loaded:', error); // the page still works, with keys as texts
}
$('live-state').textContent = t('live.off');
await route();
