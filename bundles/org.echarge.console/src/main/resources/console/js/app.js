// The console: which view shows (login, password change, and the pages chosen by the address's
// #fragment), the language switch, the status bar, and the live status stream while the status
// view is open.

import * as api from './api.js';
import { ConfigView } from './config-view.js';
import { HistoryChart } from './history-chart.js';
import { LANGUAGES, preferredLanguage, setLanguage, t } from './i18n.js';
import { LicensesView } from './licenses-view.js';
import { openLiveStatus } from './live.js';
import { attachSetpointControl, loadSetpointRanges } from './point-control.js';
import { SessionsView } from './sessions-view.js';
import { SettingsView } from './settings-view.js';
import { StatusView } from './status-view.js';
import { $, busy } from './ui.js';

const RETRY_MILLIS = 10000;

const setpointRanges = new Map();
const view = new StatusView(setpointRanges);
/** The pages besides Status: each has open() (load its data) and rerender() (new language). */
const pages = {
  settings: new SettingsView({ onUnauthorized: () => showLogin(), onPassword: () => showPassword(false),
    onGone: () => route() }),
  config: new ConfigView({ onUnauthorized: () => showLogin() }),
  sessions: new SessionsView({ onUnauthorized: () => showLogin() }),
  licenses: new LicensesView({ onUnauthorized: () => showLogin() }),
};
const PAGES = ['status', ...Object.keys(pages)];
attachSetpointControl($('points'), { onUnauthorized: () => showLogin() });
let chart = null;
let closeLive = null;
let retryTimer = null;
let passwordForced = false;
let current = null;

function show(name) {
  current = name;
  for (const candidate of ['login', 'password', ...PAGES]) {
    $(`view-${candidate}`).hidden = candidate !== name;
  }
  const page = PAGES.includes(name);
  $('logout').hidden = name === 'login';
  $('nav').hidden = !page;
  $('change-password').hidden = !page;
  for (const link of $('nav').querySelectorAll('a')) {
    link.classList.toggle('active', link.id === `nav-${name}`);
  }
  if (name !== 'status') {
    stopLive();
  }
}

/** The page named in the address (#settings ...), Status by default. */
function pageOfAddress() {
  const name = location.hash.replace(/^#/, '');
  return PAGES.includes(name) ? name : 'status';
}

function showPage(name) {
  if (name === 'status') {
    showStatus();
    return;
  }
  show(name);
  pages[name].open();
}

/** The installed version and the licences, for the status bar (GET api/system/info). */
async function statusBar() {
  try {
    const info = await api.get('api/system/info');
    $('footer-version').textContent = info.version ?? info.applicationVersion ?? '–';
    $('footer-version').dataset.source = 'system';
  } catch {
    // without the system bundle: the gateway's version from the status document
    try {
      $('footer-version').textContent = (await api.status()).gateway.version ?? '–';
    } catch {
      // unreachable or logged out: route() deals with that
    }
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
      statusBar();
      showPage(pageOfAddress());
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
  loadSetpointRanges(setpointRanges);
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
  busy($('login-submit'), async () => {
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
  busy($('password-submit'), async () => {
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
    showPage(pageOfAddress());
  }
});

$('change-password').addEventListener('click', () => showPassword(false));

window.addEventListener('hashchange', () => {
  if (PAGES.includes(current)) {
    showPage(pageOfAddress());
  }
});

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
    Object.values(pages).forEach((page) => page.rerender());
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
