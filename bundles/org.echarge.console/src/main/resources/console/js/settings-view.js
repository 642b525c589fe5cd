// The Settings page: logs and logging mode, password, KNX programming mode, restart and factory
// reset (org.echarge.system, org.echarge.web), with network, HTTPS and updates in their own
// modules. Every card shows "not available" when its service is not installed (404/503).

import * as api from './api.js';
import { format, t } from './i18n.js';
import { NetworkCard } from './network-card.js';
import { TlsCard } from './tls-card.js';
import { UpdatesCard } from './updates-card.js';
import { $, act, loadCard, make, say } from './ui.js';

const RESET_WORD = 'RESET';
const BACK_POLL_MILLIS = 2000;
const BACK_GIVE_UP_MILLIS = 10 * 60 * 1000;

export class SettingsView {
  constructor({ onUnauthorized, onPassword, onGone }) {
    this.options = { onUnauthorized };
    this.onGone = onGone;
    this.cards = [new NetworkCard(this.options), new TlsCard(this.options), new UpdatesCard(this.options)];
    $('settings-password').addEventListener('click', onPassword);
    $('logs-download').addEventListener('click', () => this.downloadLogs());
    for (const mode of ['simple', 'extended']) {
      $(`logging-${mode}`).addEventListener('change', (event) => this.setLogging(event.target.value));
    }
    $('programming-on').addEventListener('click', () => this.setProgramming(true));
    $('programming-off').addEventListener('click', () => this.setProgramming(false));
    $('restart').addEventListener('click', () => {
      $('restart-confirm').hidden = false;
    });
    $('restart-no').addEventListener('click', () => {
      $('restart-confirm').hidden = true;
    });
    $('restart-yes').addEventListener('click', () => this.restart());
    $('reset-confirm-text').addEventListener('input', (event) => {
      $('reset-submit').disabled = event.target.value !== RESET_WORD;
    });
    $('reset-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.factoryReset();
    });
  }

  async open() {
    for (const id of ['logs-message', 'logging-message', 'programming-message', 'restart-message', 'reset-message']) {
      say(id, '');
    }
    $('reset-confirm-text').value = '';
    $('reset-submit').disabled = true;
    $('restart-confirm').hidden = true;
    try {
      await Promise.all([this.loadLogging(), this.loadProgramming(), ...this.cards.map((card) => card.load())]);
    } catch (error) {
      this.options.onUnauthorized(error);
    }
  }

  rerender() {
    this.cards.forEach((card) => card.rerender());
  }

  downloadLogs() {
    return act($('logs-download'), 'logs-message', async () => {
      const name = await api.download('api/system/logs.zip', 'echarge-logs.zip');
      return t('logging.downloaded', { name });
    }, this.options);
  }

  loadLogging() {
    return loadCard('logging', () => api.get('api/system/logging'), (logging) => this.showLogging(logging.mode));
  }

  showLogging(mode) {
    $('logging-simple').checked = mode === 'SIMPLE';
    $('logging-extended').checked = mode === 'EXTENDED';
  }

  setLogging(mode) {
    return act(null, 'logging-message', async () => {
      const logging = await api.call('PUT', 'api/system/logging', { mode });
      this.showLogging(logging.mode);
      return t('logging.changed', { mode: t(`logging.${logging.mode}`) });
    }, {
      ...this.options,
      refusal: () => {
        this.loadLogging();
        return null;
      },
    });
  }

  loadProgramming() {
    return loadCard('programming', () => api.get('api/knx'), (knx) => {
      $('programming-address').textContent = format.text(knx.individualAddress);
      $('programming-state').textContent = knx.programmingMode ? t('programming.isOn') : t('programming.isOff');
      $('programming-state').dataset.on = String(Boolean(knx.programmingMode));
    });
  }

  setProgramming(on) {
    return act($(on ? 'programming-on' : 'programming-off'), 'programming-message', async () => {
      await api.call('POST', 'api/knx/programming-mode', { on });
      await this.loadProgramming();
      return on ? t('programming.switchedOn') : t('programming.switchedOff');
    }, this.options);
  }

  restart() {
    return act($('restart-yes'), 'restart-message', async () => {
      await api.call('POST', 'api/system/restart', { confirm: true });
      $('restart-confirm').hidden = true;
      this.waitUntilBack();
      return t('restart.started');
    }, this.options);
  }

  /** After a restart: asks health until the gateway answers again, then starts over (login). */
  waitUntilBack() {
    let wentAway = false;
    const since = Date.now();
    const poll = async () => {
      if (Date.now() - since > BACK_GIVE_UP_MILLIS) {
        say('restart-message', t('restart.notBack'), 'error');
        return;
      }
      try {
        await api.get('api/health');
        if (wentAway) {
          this.onGone();
          return;
        }
      } catch (error) {
        wentAway = true;
      }
      setTimeout(poll, BACK_POLL_MILLIS);
    };
    setTimeout(poll, BACK_POLL_MILLIS);
  }

  factoryReset() {
    return act($('reset-submit'), 'reset-message', async () => {
      const report = await api.call('POST', 'api/system/factory-reset', { confirm: $('reset-confirm-text').value });
      $('reset-confirm-text').value = '';
      $('reset-submit').disabled = true;
      this.showReport(report);
      return report.failures.length ? t('reset.partly') : t('reset.done');
    }, this.options);
  }

  /** ResetReport: deletedConfigurations, participants, failures (lists of texts). */
  showReport(report) {
    const lines = [
      t('reset.deleted', { count: report.deletedConfigurations.length }),
      t('reset.participants', { names: report.participants.join(', ') }),
      ...report.failures.map((reason) => t('reset.failure', { reason })),
    ];
    $('reset-report').replaceChildren(...lines.map((line) => make('li', {}, line)));
  }
}
