// The licences page behind the status bar's link: what the gateway runs, with version and licence
// of every bundle and library (GET api/system/info), and the console's own libraries
// (licenses.html, served with the page).

import * as api from './api.js';
import { format } from './i18n.js';
import { $, loadCard, make } from './ui.js';

export class LicensesView {
  constructor({ onUnauthorized }) {
    this.options = { onUnauthorized };
    this.info = null;
  }

  async open() {
    try {
      await loadCard('licenses', () => api.get('api/system/info'), (info) => this.show(info));
    } catch (error) {
      this.options.onUnauthorized();
    }
  }

  rerender() {
    if (this.info) {
      this.show(this.info);
    }
  }

  show(info) {
    this.info = info;
    $('licenses-name').textContent = format.text(info.name);
    $('licenses-version').textContent = format.text(info.version);
    $('licenses-application-version').textContent = format.text(info.applicationVersion);
    $('licenses-started').textContent = format.dateTime(info.startedAt);
    $('licenses-rows').replaceChildren(...(info.licenses ?? []).map((entry) => {
      const row = make('tr');
      row.append(make('td', {}, format.text(entry.name)), make('td', {}, format.text(entry.version)));
      const license = make('td');
      if (entry.url && /^https?:\/\//.test(entry.url)) {
        license.append(make('a', { href: entry.url, rel: 'noopener noreferrer', target: '_blank' },
          entry.license || entry.url));
      } else {
        license.textContent = format.text(entry.license);
      }
      row.append(license);
      return row;
    }));
  }
}
