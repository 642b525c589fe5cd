// Renders a status document (a status event, or GET api/status) into the Status page.
// Element ids are stable: browser tests use them (README.md lists them).

import { format, t, translate } from './i18n.js';

const PHASES = ['l1', 'l2', 'l3'];
const $ = (id) => document.getElementById(id);

function set(id, text) {
  $(id).textContent = text;
}

/** The [data-field] element of a card or row, attached to the page or not yet. */
function field(root, name) {
  return root.querySelector(`[data-field="${name}"]`);
}

/** Clones a template; every [data-field] below it gets the id prefix-field. */
function instantiate(templateId, prefix) {
  const element = $(templateId).content.firstElementChild.cloneNode(true);
  element.id = prefix;
  for (const field of element.querySelectorAll('[data-field]')) {
    field.id = `${prefix}-${field.dataset.field}`;
  }
  translate(element);
  return element;
}

/** How a point state is coloured (values of charging-point-states.csv). */
function stateKind(value) {
  if ([8, 9, 10].includes(value)) {
    return 'charging';
  }
  if ([5, 6, 7].includes(value)) {
    return 'ready';
  }
  if ([4, 11].includes(value)) {
    return 'paused';
  }
  return [0, 2, 3].includes(value) ? 'error' : 'neutral';
}

export class StatusView {
  /** ranges: point number -> {min, max} of its setpoint, filled by point-control.js. */
  constructor(ranges = new Map()) {
    this.ranges = ranges;
    this.last = null;
    this.uptime = null;
    setInterval(() => this.tickUptime(), 1000);
  }

  render(status) {
    this.last = status;
    const dlm = status.dlm;
    this.dlmPoints = new Set(dlm && dlm.mode !== 'OFF' ? dlm.points.map((share) => share.number) : []);
    this.device(status.gateway);
    this.indicators(status.indicators);
    this.generalFault(status.gateway.fault);
    this.dlm(status.dlm);
    this.points(status.points);
  }

  /** Again in the current language. */
  rerender() {
    if (this.last) {
      this.render(this.last);
    }
  }

  device(gateway) {
    set('device-name', format.text(gateway.name));
    set('device-version', format.text(gateway.version));
    if ($('footer-version').dataset.source !== 'system') {
      set('footer-version', format.text(gateway.version));
    }
    this.uptime = { seconds: gateway.uptimeSeconds, since: performance.now() };
    this.tickUptime();
  }

  tickUptime() {
    if (this.uptime) {
      const elapsed = (performance.now() - this.uptime.since) / 1000;
      set('device-uptime', format.duration(Math.floor(this.uptime.seconds + elapsed)));
    }
  }

  indicators(indicators) {
    for (const name of ['programming', 'app', 'com']) {
      const pattern = indicators ? indicators[name] : 'OFF';
      const led = $(`led-${name}`);
      if (led.dataset.pattern !== pattern) {
        led.dataset.pattern = pattern;
      }
      set(`led-${name}-text`, indicators ? t(`pattern.${pattern}`) : t('common.notAvailable'));
    }
    set('indicator-reason', indicators?.reason ?? '');
  }

  generalFault(fault) {
    const code = $('general-fault-code');
    code.textContent = fault ? fault.code : t('common.notAvailable');
    code.dataset.present = String(Boolean(fault?.present));
    set('general-fault-detail', fault?.detail ?? '');
  }

  dlm(dlm) {
    $('dlm-unavailable').hidden = dlm !== null;
    $('dlm-details').hidden = dlm === null;
    if (dlm === null) {
      return;
    }
    set('dlm-mode', t(`dlm.mode.${dlm.mode}`));
    set('dlm-last-reading', format.dateTime(dlm.lastReading));
    $('dlm-over-current').hidden = !dlm.overCurrent;
    for (const phase of PHASES) {
      set(`dlm-limit-${phase}`, format.ampere(dlm.limitAmpere[phase]));
      set(`dlm-meter-${phase}`, format.ampere(dlm.meterAmpere[phase]));
      set(`dlm-non-charging-${phase}`, format.ampere(dlm.nonChargingAmpere[phase]));
    }
    const rows = dlm.points.map((share) => {
      const row = $(`dlm-point-${share.number}`) ?? instantiate('share-template', `dlm-point-${share.number}`);
      field(row, 'number').textContent = String(share.number);
      field(row, 'wants').textContent = format.yesNo(share.wantsCurrent);
      field(row, 'target').textContent = format.ampere(share.targetAmpere);
      field(row, 'commanded').textContent = format.ampere(share.commandedAmpere);
      field(row, 'draw').textContent = PHASES.map((phase) => format.ampere(share.drawAmpere[phase])).join(' / ');
      field(row, 'reason').textContent = format.text(share.reason);
      return row;
    });
    $('dlm-points').replaceChildren(...rows);
    $('dlm-problems').replaceChildren(...dlm.problems.map((problem) => {
      const item = document.createElement('li');
      item.textContent = problem;
      return item;
    }));
  }

  points(points) {
    $('points-none').hidden = points.length > 0;
    $('points').replaceChildren(...points.map((point) => {
      const card = $(`point-${point.number}`) ?? instantiate('point-template', `point-${point.number}`);
      this.point(card, point);
      return card;
    }));
  }

  /**
   * The setpoint form only for a point that DLM does not control (DLM would overwrite the value
   * at once). What the user is typing is kept; otherwise the field follows the point's setpoint.
   */
  setpointControl(card, point) {
    const underDlm = this.dlmPoints.has(point.number);
    const form = field(card, 'setpoint-form');
    form.hidden = underDlm;
    form.dataset.number = String(point.number);
    field(card, 'setpoint-dlm').hidden = !underDlm;
    const input = field(card, 'setpoint-input');
    const range = this.ranges.get(point.number);
    if (range) {
      input.min = String(range.min);
      input.max = String(range.max);
      field(card, 'setpoint-range').textContent = t('point.setpointRange', { min: range.min, max: range.max });
    }
    if (document.activeElement !== input && !input.dataset.dirty) {
      input.value = typeof point.setpointAmpere === 'number' ? String(point.setpointAmpere) : '';
    }
  }

  point(card, point) {
    const show = (name, text) => {
      field(card, name).textContent = text;
    };
    show('number', String(point.number));
    show('name', format.text(point.name));
    const state = field(card, 'state');
    state.textContent = t(`state.${point.state.value}`);
    state.dataset.value = String(point.state.value);
    state.dataset.kind = stateKind(point.state.value);
    const flags = [];
    if (point.interrupted) {
      flags.push(t('point.interrupted'));
    }
    if (point.chargingComplete) {
      flags.push(t('point.chargingComplete'));
    }
    show('flags', flags.join(' · '));
    show('setpoint', format.ampere(point.setpointAmpere));
    this.setpointControl(card, point);
    for (const phase of [...PHASES, 'total']) {
      show(`current-${phase}`, format.ampere(point.currentAmpere?.[phase]));
      show(`power-${phase}`, format.watt(point.powerWatt?.[phase]));
    }
    show('energy', format.wattHour(point.energyWattHour?.total));
    show('energy-total', format.wattHour(point.session.totalEnergyWattHour));
    const running = point.session.runningSince;
    show('session-since', running ? format.dateTime(running) : t('point.noSession'));
    show('session-energy', running ? format.wattHour(point.session.runningEnergyWattHour) : format.text(null));
    show('model', format.text(point.model));
    show('address', format.text(point.address));
    show('serial', format.text(point.serialNumber));
    show('firmware', format.text(point.firmwareVersion));
    const fault = field(card, 'fault');
    fault.textContent = point.fault.code;
    fault.dataset.present = String(point.fault.present);
    show('fault-detail', format.text(point.fault.detail));
  }
}
