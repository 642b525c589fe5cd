// Settings, updates (org.echarge.updater): installed firmware and drivers, the history, uploads of
// a firmware or driver package with a progress bar, and the update server. The upload goes
// through XMLHttpRequest (api.upload), since fetch reports no upload progress.

import * as api from './api.js';
import { format, t } from './i18n.js';
import { $, act, loadCard, make, say } from './ui.js';

/** A text of the updater's outcome (UpdateOutcome), or the value as sent when unknown here. */
function outcome(value) {
  const key = `updates.outcome.${value}`;
  const text = t(key);
  return text === key ? format.text(value) : text;
}

/** A table row: texts (or "–"), or elements such as buttons. */
function row(cells) {
  const tr = make('tr');
  for (const cell of cells) {
    const td = make('td');
    if (cell instanceof Node) {
      td.append(cell);
    } else {
      td.textContent = format.text(cell);
    }
    tr.append(td);
  }
  return tr;
}

/** The supervisor's record of the last firmware change: {result, from, to, time, reason}. */
function lastResult(result) {
  if (!result || typeof result !== 'object') {
    return format.text(result);
  }
  const versions = [result.from, result.to].filter(Boolean).join(' → ');
  return [result.result, versions, result.time ? format.dateTime(result.time) : null, result.reason]
    .filter(Boolean).join(' · ') || format.text(null);
}

const refusal = (error) => (error.unavailable ? null : t('updates.refused', { reason: error.message }));

export class UpdatesCard {
  constructor(options) {
    this.options = options;
    this.updates = null;
    for (const kind of ['firmware', 'driver']) {
      $(`${kind}-form`).addEventListener('submit', (event) => {
        event.preventDefault();
        this.upload(kind);
      });
    }
    $('update-server-check').addEventListener('click', () => this.check());
  }

  load() {
    say('updates-message', '');
    return loadCard('updates', () => api.get('api/updates'), (updates) => this.show(updates));
  }

  rerender() {
    if (this.updates) {
      this.show(this.updates);
    }
  }

  show(updates) {
    this.updates = updates;
    const firmware = updates.firmware ?? {};
    $('firmware-version').textContent = format.text(firmware.version);
    $('firmware-previous').textContent = format.text(firmware.previousVersion);
    $('firmware-last-result').textContent = lastResult(firmware.lastResult);
    const warning = firmware.previousFirmwareRestored ? t('updates.restored') : firmware.warning;
    say('firmware-warning', warning ?? '', 'error');
    $('drivers').replaceChildren(...(updates.drivers ?? []).map((driver) => row([driver.symbolicName,
      driver.version, (driver.points ?? []).join(', ')])));
    $('update-history').replaceChildren(...(updates.history ?? []).map((entry) => row([
      format.dateTime(entry.time),
      outcome(entry.outcome),
      entry.symbolicName,
      [entry.fromVersion, entry.toVersion].filter(Boolean).join(' → '),
      entry.message,
    ])));
    const server = updates.server ?? {};
    $('update-server-url').textContent = server.url ? server.url : t('updates.noServer');
    $('update-server-checked').textContent = format.dateTime(server.lastChecked);
    say('update-server-message', server.lastError ? t('updates.serverError', { reason: server.lastError }) : '',
      'error');
    this.showAvailable(server.available ?? []);
  }

  showAvailable(available) {
    $('update-server-offers').hidden = available.length === 0;
    $('update-server-available').replaceChildren(...available.map((offer) => {
      const install = make('button', { type: 'button', className: 'secondary' }, t('updates.install'));
      install.addEventListener('click', () => this.install(install, offer));
      return row([offer.kind, offer.name, offer.version, offer.installed ? t('updates.isInstalled') : install]);
    }));
  }

  /** Sends the chosen file with a progress bar; the report's or the refusal's message shown. */
  upload(kind) {
    const file = $(`${kind}-file`).files[0];
    const progress = $(`${kind}-progress`);
    if (!file) {
      return null;
    }
    progress.value = 0;
    progress.hidden = false;
    return act($(`${kind}-upload`), `${kind}-message`, async () => {
      try {
        const report = await api.upload(`api/updates/${kind}`, file, (loaded, total) => {
          progress.value = Math.round((loaded / total) * 100);
        });
        progress.value = 100;
        $(`${kind}-form`).reset();
        await this.load();
        return this.reportText(kind, report);
      } finally {
        progress.hidden = true;
      }
    }, { ...this.options, refusal });
  }

  reportText(kind, report) {
    const message = report?.message ?? '';
    if (report?.outcome && report.outcome !== 'UPDATED') {
      return t('updates.result', { outcome: outcome(report.outcome), message });
    }
    if (kind === 'firmware') {
      return [t('updates.firmwareStaged', { message }), report?.warning].filter(Boolean).join(' ');
    }
    return t('updates.installed', { message });
  }

  check() {
    return act($('update-server-check'), 'update-server-message', async () => {
      const answer = await api.call('POST', 'api/updates/server/check');
      const available = Array.isArray(answer) ? answer : answer?.available ?? [];
      $('update-server-checked').textContent = format.dateTime(answer?.checked);
      this.showAvailable(available);
      return available.length ? t('updates.found', { count: available.length }) : t('updates.none');
    }, this.options);
  }

  install(button, offer) {
    return act(button, 'update-server-message', async () => {
      const report = await api.call('POST', 'api/updates/server/install',
        { kind: offer.kind, name: offer.name, version: offer.version });
      await this.load();
      return this.reportText(offer.kind, report);
    }, { ...this.options, refusal });
  }
}
