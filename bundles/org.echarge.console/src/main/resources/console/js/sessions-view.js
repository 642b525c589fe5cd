// The Sessions page (org.echarge.web, session history): GET api/sessions?point=&from=&to= as a
// table (newest first), with the same filter for the CSV download (api/sessions.csv). Dates are
// the browser's local days: "from" is the start of that day, "to" the end of it.

import * as api from './api.js';
import { format, t } from './i18n.js';
import { $, act, loadCard, make, say } from './ui.js';

function query() {
  const parameters = new URLSearchParams();
  if ($('sessions-point').value) {
    parameters.set('point', $('sessions-point').value);
  }
  if ($('sessions-from').value) {
    parameters.set('from', new Date(`${$('sessions-from').value}T00:00:00`).toISOString());
  }
  if ($('sessions-to').value) {
    const end = new Date(`${$('sessions-to').value}T00:00:00`);
    end.setDate(end.getDate() + 1);
    parameters.set('to', end.toISOString());
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

export class SessionsView {
  constructor({ onUnauthorized }) {
    this.options = { onUnauthorized };
    this.sessions = null;
    $('sessions-filter').addEventListener('submit', (event) => {
      event.preventDefault();
      this.load();
    });
    $('sessions-csv').addEventListener('click', () => act($('sessions-csv'), 'sessions-message', async () => {
      const name = await api.download(`api/sessions.csv${query()}`, 'echarge-sessions.csv');
      return t('sessions.downloaded', { name });
    }, this.options));
  }

  async open() {
    await Promise.all([this.points(), this.load()]);
  }

  rerender() {
    if (this.sessions) {
      this.show(this.sessions);
    }
  }

  /** The point filter's choices, from the points API (left as it is when that is missing). */
  async points() {
    try {
      const answer = await api.get('api/points');
      const points = Array.isArray(answer) ? answer : answer.points ?? [];
      const chosen = $('sessions-point').value;
      const all = $('sessions-point').options[0];
      $('sessions-point').replaceChildren(all, ...points.map((point) => make('option', { value: String(point.number) },
        point.name ? `${point.number} – ${point.name}` : String(point.number))));
      $('sessions-point').value = chosen;
    } catch (error) {
      // the filter still takes "all"; the table says why the sessions are missing
    }
  }

  async load() {
    say('sessions-message', '');
    try {
      await loadCard('sessions', () => api.get(`api/sessions${query()}`), (answer) => this.show(answer.sessions));
    } catch (error) {
      this.options.onUnauthorized();
    }
  }

  show(sessions) {
    this.sessions = sessions;
    $('sessions-none').hidden = sessions.length > 0;
    $('sessions-rows').replaceChildren(...sessions.map((session) => {
      const row = make('tr');
      for (const text of [String(session.point), format.dateTime(session.start),
        session.end ? format.dateTime(session.end) : t('sessions.running'), format.duration(session.durationSeconds),
        format.wattHour(session.energyWattHour), format.text(session.rfid)]) {
        row.append(make('td', {}, text));
      }
      return row;
    }));
    const energy = sessions.reduce((sum, session) => sum + (session.energyWattHour ?? 0), 0);
    $('sessions-summary').textContent = t('sessions.summary',
      { count: sessions.length, energy: format.wattHour(energy) });
  }
}
